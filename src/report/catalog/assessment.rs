//! Templates of the findings an assessment reports: contradictions, evidence, waivers,
//! unanswered questions.

/// (English template, Vietnamese template).
pub(super) const ALL: &[(&str, &str)] = &[
    // Assessment.
    (
        "`{}` answered yes, but the inventory disagrees: {} of {} selected {} pass ({}); {} fail, {} needed",
        "`{0}` trả lời có, nhưng danh mục cho thấy khác: {1}/{2} {3} được chọn đạt ({4}); {5} không đạt, cần {6}",
    ),
    (
        "`{}` answered yes, but the inventory disagrees: {} of {} selected {} pass ({})",
        "`{0}` trả lời có, nhưng danh mục cho thấy khác: {1}/{2} {3} được chọn đạt ({4})",
    ),
    (
        "`{}` answered yes, but the inventory disagrees: no {} selected",
        "`{0}` trả lời có, nhưng danh mục cho thấy khác: không có {1} nào được chọn",
    ),
    ("correct the answer or the inventory", "sửa câu trả lời hoặc danh mục"),
    (
        "correct the answer or the records that fail the check",
        "sửa câu trả lời hoặc các bản ghi không đạt",
    ),
    (
        "`{}` is answered, but it does not apply here (`{}` is false); the answer is not counted",
        "`{0}` được trả lời nhưng không áp dụng trong trường hợp này (`{1}` không thỏa mãn); câu trả lời không được tính",
    ),
    (
        "remove the answer, or correct the earlier answer the condition reads",
        "xóa câu trả lời, hoặc sửa câu trả lời trước đó mà điều kiện dựa vào",
    ),
    (
        "`{}`: the answer claims credit but cites no evidence",
        "`{0}`: câu trả lời được tính điểm nhưng không nêu tài liệu minh chứng",
    ),
    (
        "add `evidence: [{ref: ..., date: ...}]` to the answer",
        "thêm `evidence: [{ref: ..., date: ...}]` vào câu trả lời",
    ),
    (
        "`{}`: all evidence is older than {} days before {}",
        "`{0}`: mọi minh chứng đều cũ hơn {1} ngày tính đến {2}",
    ),
    (
        "cite current evidence, or renew the document",
        "nêu minh chứng còn hiệu lực, hoặc cập nhật văn bản",
    ),
    (
        "`{}`: evidence dated {}, after the assessment date {}, is not counted",
        "`{0}`: minh chứng ghi ngày {1}, sau ngày đánh giá {2}, không được tính",
    ),
    (
        "correct the evidence's date, or the questionnaire's `assessed_on`",
        "sửa ngày của minh chứng, hoặc `assessed_on` của phiếu",
    ),
    (
        "the inventory is for agency `{}` but the questionnaire for `{}`",
        "danh mục của cơ quan `{0}` nhưng phiếu tự đánh giá của `{1}`",
    ),
    (
        "submit the questionnaire and inventory of the same agency",
        "nộp phiếu tự đánh giá và danh mục của cùng một cơ quan",
    ),
    (
        "the questionnaire answers `{}` but is assessed against `{}`",
        "phiếu tự đánh giá trả lời theo `{0}` nhưng được đánh giá theo `{1}`",
    ),
    (
        "answers are matched by criterion id; check that they mean the same thing in both",
        "câu trả lời được ghép theo mã tiêu chí; kiểm tra để bảo đảm hai bộ tiêu chí hiểu mã đó như nhau",
    ),
    (
        "no inventory submitted: {} criteria computed from the inventory are unanswered, and {} answer(s) are not checked against it",
        "chưa nộp danh mục: {0} tiêu chí tính từ danh mục chưa có kết quả, và {1} câu trả lời chưa được đối chiếu với danh mục",
    ),
    (
        "no inventory submitted: {} criteria computed from the inventory are unanswered",
        "chưa nộp danh mục: {0} tiêu chí tính từ danh mục chưa có kết quả",
    ),
    (
        "no inventory submitted: {} answer(s) are not checked against it",
        "chưa nộp danh mục: {0} câu trả lời chưa được đối chiếu với danh mục",
    ),
    (
        "add inventory.yaml (or <collection>.csv, inventory.xlsx) beside the questionnaire; `dgmat init` writes a template",
        "thêm inventory.yaml (hoặc <collection>.csv, inventory.xlsx) cùng thư mục với phiếu; `dgmat init` tạo sẵn tệp mẫu",
    ),
    ("{}: {} question(s) unanswered: {}", "{0}: {1} câu hỏi chưa trả lời: {2}"),
    (
        "answer each question (`no` is an answer too); an unanswered question earns no credit",
        "trả lời từng câu hỏi (`không` cũng là một câu trả lời); câu hỏi chưa trả lời không được tính điểm",
    ),
    ("the agency id is empty", "mã cơ quan đang để trống"),
    ("the agency name is empty", "tên cơ quan đang để trống"),
    (
        "the agency id `{}` is a placeholder",
        "mã cơ quan `{0}` là giá trị mẫu, chưa phải giá trị thật",
    ),
    (
        "the agency name `{}` is a placeholder",
        "tên cơ quan `{0}` là giá trị mẫu, chưa phải giá trị thật",
    ),
    (
        "write the agency's own id: reports, batch rows and file names use it",
        "ghi mã thật của cơ quan: báo cáo, bảng tổng hợp và tên tệp đều dùng giá trị này",
    ),
    (
        "write the agency's own name: reports, batch rows and file names use it",
        "ghi tên thật của cơ quan: báo cáo, bảng tổng hợp và tên tệp đều dùng giá trị này",
    ),
    (
        "the waiver of {} expired on {}, before the assessment date {}: it is evaluated as if not waived",
        "miễn trừ đối với {0} đã hết hạn ngày {1}, trước ngày đánh giá {2}: được đánh giá như không được miễn trừ",
    ),
    (
        "renew the waiver with a new decision and date, or remove it",
        "gia hạn miễn trừ bằng quyết định và ngày mới, hoặc xóa miễn trừ",
    ),
    (
        "the waiver of {} matches nothing: the rubric has no such criterion",
        "miễn trừ đối với {0} không ứng với nội dung nào: bộ tiêu chí không có tiêu chí này",
    ),
    (
        "the waiver of {} matches nothing: the criterion is {} without it",
        "miễn trừ đối với {0} không ứng với nội dung nào: tiêu chí đã {1} khi không có miễn trừ",
    ),
    (
        "the waiver of {} matches nothing: the rubric has no such record rule",
        "miễn trừ đối với {0} không ứng với nội dung nào: bộ tiêu chí không có quy tắc bản ghi này",
    ),
    (
        "the waiver of {} is unused for {}: no such record breaks the rule",
        "miễn trừ đối với {0} không được dùng cho {1}: không có bản ghi nào như vậy vi phạm quy tắc",
    ),
    (
        "remove the waiver, or correct its criterion, rule or record keys",
        "xóa miễn trừ, hoặc sửa tiêu chí, quy tắc hay khóa bản ghi của miễn trừ",
    ),
    (
        "the waiver of rule `{}` lists no `records`",
        "miễn trừ đối với quy tắc `{0}` không liệt kê `records`",
    ),
    (
        "a waiver names no `criterion` or `rule`",
        "miễn trừ không nêu `criterion` hay `rule`",
    ),
    (
        "add `criterion: ID`, or `rule: ID` with `records: [KEY, ...]`",
        "thêm `criterion: ID`, hoặc `rule: ID` kèm `records: [KEY, ...]`",
    ),
    (
        "`{}`: its `applies_when` could not be evaluated ({}); it is treated as applying",
        "`{0}`: không tính được `applies_when` ({1}); tiêu chí được coi là có áp dụng",
    ),
    (
        "write the condition so that it gives true or false for every answer, including null",
        "viết điều kiện sao cho luôn cho kết quả đúng hoặc sai với mọi câu trả lời, kể cả null",
    ),
    (
        "raise the budget with --max-rule-steps (or DGMAT_MAX_RULE_STEPS) if the rubric and the data are genuine",
        "tăng giới hạn bằng --max-rule-steps (hoặc DGMAT_MAX_RULE_STEPS) nếu bộ tiêu chí và dữ liệu là thật",
    ),
    (
        "the record is counted as failing; guard optional fields with `field != null && ...` in the rubric",
        "bản ghi được tính là không đạt; trong bộ tiêu chí, hãy kiểm tra trường không bắt buộc bằng `field != null && ...`",
    ),
    ("shorten it", "rút gọn nội dung"),
];
