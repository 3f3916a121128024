//! Findings in Vietnamese. A finding is built in English by `load/` and `assess/` (JSON, SARIF,
//! JUnit and GitHub annotations keep those words: they are read by machines and must stay
//! stable); outputs for people under `--lang vi` show it through this catalog, which matches
//! the English message and help against fixed templates (`{}` is a hole: a quoted id, a value,
//! a number, a path) and writes the Vietnamese template with the holes filled in. A hole that is
//! itself one of dgmat's English phrases (`a mapping`, `a percentage 0-100`) is translated too.
//!
//! A message no template matches is shown as it is; the integration tests render every
//! finding the fixtures trigger in Vietnamese and fail on any English template left over.

use crate::finding::Finding;
use crate::lang::Lang;

/// (English template, Vietnamese template): `{}` holes in English, `{0}`, `{1}`, ... in
/// Vietnamese (in any order). Messages and help lines alike.
pub const TEMPLATES: &[(&str, &str)] = &[
    // Reading files.
    ("{} does not exist", "{0} không tồn tại"),
    ("check the path", "kiểm tra lại đường dẫn"),
    (
        "{} is not valid UTF-8 (invalid byte at offset {})",
        "{0} không phải văn bản UTF-8 (byte không hợp lệ ở vị trí {1})",
    ),
    ("{} contains a NUL byte", "{0} chứa byte NUL"),
    ("{} is encoded as UTF-16", "{0} được mã hóa UTF-16"),
    ("save the file as UTF-8", "lưu tệp dưới dạng UTF-8"),
    (
        "the file looks binary; dgmat reads YAML, CSV and XLSX",
        "tệp có vẻ là tệp nhị phân; dgmat đọc tệp YAML, CSV và XLSX",
    ),
    (
        "{} is neither a questionnaire nor an inventory",
        "{0} không phải phiếu tự đánh giá, cũng không phải danh mục",
    ),
    (
        "a submission file starts with `dgmat: 1` and `kind: questionnaire` or `kind: inventory`",
        "tệp hồ sơ bắt đầu bằng `dgmat: 1` và `kind: questionnaire` hoặc `kind: inventory`",
    ),
    ("{} is a rubric, not a submission file", "{0} là bộ tiêu chí, không phải tệp hồ sơ"),
    ("pass it with --rubric {}", "truyền tệp này bằng --rubric {0}"),
    (
        "{} holds no questionnaire.yaml or .xlsx, inventory.yaml, <collection>.csv or inventory.xlsx",
        "{0} không có questionnaire.yaml hoặc .xlsx, inventory.yaml, <collection>.csv hoặc inventory.xlsx",
    ),
    ("two inventories given: {} and {}", "có hai danh mục: {0} và {1}"),
    ("two questionnaires given: {} and {}", "có hai phiếu tự đánh giá: {0} và {1}"),
    ("two waivers files given: {} and {}", "có hai tệp miễn trừ: {0} và {1}"),
    (
        "{} is ignored: the rubric has no collection `{}`",
        "{0} bị bỏ qua: bộ tiêu chí không có danh mục `{1}`",
    ),
    (
        "sheet `{}` of {} is ignored: the rubric has no collection `{}`",
        "trang `{0}` của {1} bị bỏ qua: bộ tiêu chí không có danh mục `{2}`",
    ),
    (
        "sheet `{}` of {} is ignored: the rubric has no dimension `{}`",
        "trang `{0}` của {1} bị bỏ qua: bộ tiêu chí không có lĩnh vực `{2}`",
    ),
    ("did you mean `{}`?", "có phải là `{0}`?"),
    (
        "no rubric file or shipped rubric named `{}`",
        "không có tệp bộ tiêu chí hay bộ tiêu chí cài sẵn tên `{0}`",
    ),
    (
        "shipped rubrics: {}; or give a path to a rubric file",
        "bộ tiêu chí cài sẵn: {0}; hoặc nêu đường dẫn đến một tệp bộ tiêu chí",
    ),
    // File headers.
    ("unsupported format version {}", "phiên bản định dạng {0} không được hỗ trợ"),
    (
        "this dgmat reads format version 1: write `dgmat: 1`",
        "phiên bản dgmat này đọc định dạng 1: ghi `dgmat: 1`",
    ),
    (
        "this dgmat reads format version 1: write 1",
        "phiên bản dgmat này đọc định dạng 1: ghi 1",
    ),
    ("{} does not start with `dgmat: 1`", "{0} không bắt đầu bằng `dgmat: 1`"),
    ("{} has no `kind:`", "{0} không có `kind:`"),
    ("add `kind: {}` after `dgmat: 1`", "thêm `kind: {0}` sau `dgmat: 1`"),
    (
        "expected a {}, but this file is `kind: {}`",
        "cần tệp loại {0}, nhưng tệp này là `kind: {1}`",
    ),
    // YAML.
    ("unclosed bracket '{}'", "thiếu dấu đóng ngoặc cho '{0}'"),
    (
        "duplicate mapping key `{}` is not allowed here",
        "khóa `{0}` bị lặp, không được phép ở đây",
    ),
    ("remove or rename one of the two keys", "xóa hoặc đổi tên một trong hai khóa"),
    // Questionnaire.
    ("unknown key `{}` in {}", "khóa `{0}` không hợp lệ trong {1}"),
    (
        "unknown key `{}` in the answer to `{}`",
        "khóa `{0}` không hợp lệ trong câu trả lời cho `{1}`",
    ),
    ("unknown key `{}` in evidence", "khóa `{0}` không hợp lệ trong minh chứng"),
    (
        "unknown tier `{}`, expected one of {}",
        "cấp `{0}` không hợp lệ, phải là một trong {1}",
    ),
    ("unknown tier `{}`", "cấp `{0}` không hợp lệ"),
    ("allowed values: {}", "giá trị cho phép: {0}"),
    (
        "the questionnaire names no `agency`",
        "phiếu tự đánh giá không nêu `agency` (cơ quan)",
    ),
    ("the agency has no `id`", "cơ quan không có `id`"),
    (
        "add `id: ...`, the agency's short id (it names the agency's files in batch output)",
        "thêm `id: ...`, mã ngắn của cơ quan (dùng để đặt tên tệp của cơ quan khi đánh giá hàng loạt)",
    ),
    (
        "`{}` must be a mapping, found {}",
        "`{0}` phải là một ánh xạ (mapping), nhưng là {1}",
    ),
    (
        "`{}` must be a single value, found {}",
        "`{0}` phải là một giá trị đơn, nhưng là {1}",
    ),
    (
        "`answers` must map criterion ids to answers, found {}",
        "`answers` phải gán mã tiêu chí với câu trả lời, nhưng là {0}",
    ),
    ("{} must be a mapping, found {}", "{0} phải là một ánh xạ (mapping), nhưng là {1}"),
    ("{} must be a mapping", "{0} phải là một ánh xạ (mapping)"),
    ("assessed_on `{}` is not a valid date", "assessed_on `{0}` không phải ngày hợp lệ"),
    ("assessed_on {} is before 1990-01-01", "assessed_on {0} trước ngày 1990-01-01"),
    (
        "assessed_on {} is more than a year after today ({})",
        "assessed_on {0} muộn hơn hôm nay ({1}) quá một năm",
    ),
    ("write the date as YYYY-MM-DD", "ghi ngày theo dạng YYYY-MM-DD"),
    (
        "write the date of the assessment as YYYY-MM-DD; a year before 1990 is a typo",
        "ghi ngày đánh giá theo dạng YYYY-MM-DD; năm trước 1990 là lỗi đánh máy",
    ),
    (
        "write the date of the assessment as YYYY-MM-DD; evidence is judged against it, so it cannot lie in the future",
        "ghi ngày đánh giá theo dạng YYYY-MM-DD; minh chứng được xét theo ngày này nên ngày này không thể ở tương lai",
    ),
    (
        "evidence date `{}` is not a valid date",
        "ngày của minh chứng `{0}` không phải ngày hợp lệ",
    ),
    (
        "evidence `{}` must be a single value",
        "`{0}` của minh chứng phải là một giá trị đơn",
    ),
    (
        "evidence needs a `ref` naming the document",
        "minh chứng cần có `ref` nêu tên văn bản",
    ),
    ("e.g. {}", "ví dụ {0}"),
    (
        "evidence must be a document reference or a map, found {}",
        "minh chứng phải là tên văn bản hoặc một ánh xạ, nhưng là {0}",
    ),
    (
        "answer to unknown criterion `{}`",
        "trả lời cho tiêu chí không có trong bộ tiêu chí: `{0}`",
    ),
    (
        "`{}` is computed from the inventory and takes no answer",
        "`{0}` được tính từ danh mục, không cần trả lời",
    ),
    (
        "remove the answer; fill in the inventory instead",
        "xóa câu trả lời; thay vào đó hãy điền danh mục",
    ),
    ("`{}` takes no answer", "`{0}` không nhận câu trả lời"),
    ("remove the answer", "xóa câu trả lời"),
    ("`{}` expects {}, found {}", "`{0}` cần {1}, nhưng nhận được {2}"),
    ("answer with {}", "trả lời bằng {0}"),
    ("`{}` has no option `{}`", "`{0}` không có phương án `{1}`"),
    ("the answer to `{}` has no `answer:`", "câu trả lời cho `{0}` không có `answer:`"),
    (
        "n/a for `{}` needs a note saying why",
        "trả lời n/a (không áp dụng) cho `{0}` cần ghi chú lý do",
    ),
    (
        "use the long form: {answer: n/a, note: \"why it does not apply\"}",
        "dùng dạng đầy đủ: {answer: n/a, note: \"lý do không áp dụng\"}",
    ),
    ("`{}` does not accept n/a", "`{0}` không chấp nhận n/a (không áp dụng)"),
    (
        "answer the question; this criterion applies to every agency",
        "hãy trả lời câu hỏi; tiêu chí này áp dụng cho mọi cơ quan",
    ),
    ("`{}` is answered twice (also at {})", "`{0}` được trả lời hai lần (cả tại {1})"),
    // Inventory.
    ("unknown collection `{}`", "danh mục `{0}` không có trong bộ tiêu chí"),
    (
        "unknown field `{}` in a record of `{}`",
        "trường `{0}` không hợp lệ trong một bản ghi của `{1}`",
    ),
    (
        "`{}` must be a list of records, found {}",
        "`{0}` phải là danh sách bản ghi, nhưng là {1}",
    ),
    (
        "a record of `{}` must be a mapping, found {}",
        "một bản ghi của `{0}` phải là một ánh xạ (mapping), nhưng là {1}",
    ),
    (
        "a record of `{}` lacks the required field `{}`",
        "một bản ghi của `{0}` thiếu trường bắt buộc `{1}`",
    ),
    ("a record of `{}` has no key `{}`", "một bản ghi của `{0}` không có khóa `{1}`"),
    ("add `{}` ({})", "thêm `{0}` ({1})"),
    ("field `{}`: {}", "trường `{0}`: {1}"),
    ("`{}` is declared as {}", "`{0}` được khai báo là {1}"),
    ("{} `{}` appears twice in `{}`", "{0} `{1}` xuất hiện hai lần trong `{2}`"),
    (
        "first defined at {}; keys must be unique",
        "đã khai báo lần đầu tại {0}; khóa phải là duy nhất",
    ),
    (
        "`{}` `{}`: {} refers to `{}`, which is not in `{}`",
        "`{0}` `{1}`: {2} tham chiếu đến `{3}`, không có trong `{4}`",
    ),
    (
        "add `{}` to `{}` or correct the reference",
        "thêm `{0}` vào `{1}` hoặc sửa tham chiếu",
    ),
    (
        "`agency` must be the agency id, found {}",
        "`agency` phải là mã cơ quan, nhưng là {0}",
    ),
    (
        "an agency id is a short identifier such as `{}`",
        "mã cơ quan là một mã ngắn, ví dụ `{0}`",
    ),
    (
        "an agency id is a short identifier such as `{}`; put the full name in `name:`",
        "mã cơ quan là một mã ngắn, ví dụ `{0}`; ghi tên đầy đủ tại `name:`",
    ),
    (
        "`{}` has no column for the required field `{}`",
        "`{0}` không có cột cho trường bắt buộc `{1}`",
    ),
    (
        "add the column (its header is the field name or one of its aliases)",
        "thêm cột (tiêu đề cột là tên trường hoặc một tên gọi khác của trường)",
    ),
    (
        "this row has {} cells but the header has {}",
        "dòng này có {0} ô nhưng dòng tiêu đề có {1} ô",
    ),
    (
        "a cell probably contains an unquoted comma; quote it",
        "có thể một ô chứa dấu phẩy không nằm trong ngoặc kép; hãy đặt ô đó trong ngoặc kép",
    ),
    (
        "{} matches no collection of the rubric",
        "{0} không ứng với danh mục nào của bộ tiêu chí",
    ),
    ("the cell holds the spreadsheet error {}", "ô chứa lỗi bảng tính {0}"),
    (
        "correct the cell, or leave it empty if the value is unknown",
        "sửa ô, hoặc để trống nếu chưa biết giá trị",
    ),
    // Values (the problem after `field ...: `).
    (
        "`{}` is not one of {} (did you mean `{}`?)",
        "`{0}` không thuộc {1} (có phải là `{2}`?)",
    ),
    ("`{}` is not one of {}", "`{0}` không thuộc {1}"),
    (
        "`{}` is not a boolean (true/false, yes/no)",
        "`{0}` không phải giá trị đúng/sai (có/không, true/false)",
    ),
    (
        "`{}` is not a valid date YYYY-MM-DD",
        "`{0}` không phải ngày hợp lệ dạng YYYY-MM-DD",
    ),
    ("`{}` is not an integer", "`{0}` không phải số nguyên"),
    ("`{}` is not a number", "`{0}` không phải số"),
    ("`{}` is not a finite number", "`{0}` không phải số hữu hạn"),
    ("{} is out of range ({})", "{0} nằm ngoài khoảng cho phép ({1})"),
    ("expected {}, found {}", "cần {0}, nhưng là {1}"),
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
    // Reading files, more.
    ("{} is not a regular file", "{0} không phải tệp thông thường"),
    ("{} is {}, not a regular file", "{0} là {1}, không phải tệp thông thường"),
    (
        "dgmat reads only regular files; give the path of the file itself",
        "dgmat chỉ đọc tệp thông thường; hãy nêu đường dẫn đến chính tệp đó",
    ),
    ("cannot read {}: {}", "không đọc được {0}: {1}"),
    (
        "{} is {} MB, over the {} MB limit",
        "{0} có dung lượng {1} MB, vượt giới hạn {2} MB",
    ),
    (
        "{} is {} MB of YAML, over the {} MB limit for YAML",
        "{0} có {1} MB YAML, vượt giới hạn {2} MB đối với YAML",
    ),
    (
        "raise the limit with --max-file-mb (or the environment variable DGMAT_MAX_FILE_MB)",
        "tăng giới hạn bằng --max-file-mb (hoặc biến môi trường DGMAT_MAX_FILE_MB)",
    ),
    (
        "give large inventories as <collection>.csv or inventory.xlsx, or raise the limit with --max-yaml-mb",
        "nộp danh mục lớn dưới dạng <collection>.csv hoặc inventory.xlsx, hoặc tăng giới hạn bằng --max-yaml-mb",
    ),
    ("allowed keys here: {}", "các khóa được phép ở đây: {0}"),
    ("did you mean `{}`? allowed: {}", "có phải là `{0}`? giá trị cho phép: {1}"),
    ("{} allowed: {}", "{0} được phép: {1}"),
    ("{} contains the control character U+{}", "{0} chứa ký tự điều khiển U+{1}"),
    (
        "{} is {} characters long, over the limit of {}",
        "{0} dài {1} ký tự, vượt giới hạn {2}",
    ),
    ("the text", "nội dung"),
    (
        "{} is an old binary spreadsheet, which dgmat does not read",
        "{0} là bảng tính nhị phân kiểu cũ, dgmat không đọc được",
    ),
    (
        "{} is ignored: dgmat reads .xlsx and .ods workbooks, not this format",
        "{0} bị bỏ qua: dgmat đọc bảng tính .xlsx và .ods, không đọc định dạng này",
    ),
    (
        "save it as .xlsx (Excel Workbook) or .ods",
        "lưu tệp dưới dạng .xlsx (Excel Workbook) hoặc .ods",
    ),
    (
        "assess one agency at a time, or use `dgmat batch`",
        "đánh giá từng cơ quan một, hoặc dùng `dgmat batch`",
    ),
    ("did you mean `{}.csv`?", "có phải là `{0}.csv`?"),
    (
        "keep one of them: dgmat would not know which one the agency meant",
        "giữ lại một tệp: dgmat không biết cơ quan muốn dùng tệp nào",
    ),
    (
        "keep one of them: dgmat would not know which one was approved",
        "giữ lại một tệp: dgmat không biết tệp nào đã được phê duyệt",
    ),
    (
        "merge them into one: a submission has one waivers file",
        "gộp thành một tệp: mỗi bộ hồ sơ có một tệp miễn trừ",
    ),
    (
        "name each sheet after a collection: {}",
        "đặt tên mỗi trang tính theo một danh mục: {0}",
    ),
    ("name the file after a collection: {}", "đặt tên tệp theo một danh mục: {0}"),
    (
        "name the file (or, in a workbook, the sheet) after a collection (`datasets.csv`), or use a rubric with a single collection",
        "đặt tên tệp (hoặc trang tính trong bảng tính) theo một danh mục (`datasets.csv`), hoặc dùng bộ tiêu chí chỉ có một danh mục",
    ),
    (
        "run `dgmat init DIR` to create templates, or name the files directly",
        "chạy `dgmat init THƯ-MỤC` để tạo tệp mẫu, hoặc nêu trực tiếp các tệp",
    ),
    (
        "the questionnaire answers `{}` but is assessed against `{}@{}`",
        "phiếu tự đánh giá trả lời theo `{0}` nhưng được đánh giá theo `{1}@{2}`",
    ),
    // Workbooks and tables.
    ("it is not a zip archive ({})", "tệp không phải tệp nén zip ({0})"),
    ("sheet `{}`: {}", "trang tính `{0}`: {1}"),
    (
        "{} would decompress to {} MB ({} times its size), over the {} MB limit; it was not opened",
        "{0} khi giải nén sẽ có {1} MB (gấp {2} lần dung lượng tệp), vượt giới hạn {3} MB; tệp không được mở",
    ),
    (
        "if the workbook is genuine, raise the limit with --max-unzipped-mb (or DGMAT_MAX_UNZIPPED_MB)",
        "nếu bảng tính là thật, tăng giới hạn bằng --max-unzipped-mb (hoặc DGMAT_MAX_UNZIPPED_MB)",
    ),
    (
        "check that the file is an .xlsx or .ods workbook (open it and save it again if in doubt)",
        "kiểm tra tệp có phải bảng tính .xlsx hoặc .ods (nếu chưa chắc, mở tệp và lưu lại)",
    ),
    (
        "an answer or note on a row without a criterion id",
        "câu trả lời hoặc ghi chú nằm trên dòng không có mã tiêu chí",
    ),
    (
        "evidence on a row below no criterion",
        "minh chứng nằm trên dòng không thuộc tiêu chí nào",
    ),
    (
        "expected a questionnaire, but this workbook is `kind: {}`",
        "cần phiếu tự đánh giá, nhưng bảng tính này là `kind: {0}`",
    ),
    (
        "{} has no agency sheet: no cell in column A says `agency.id`",
        "{0} không có trang thông tin cơ quan: không ô nào ở cột A ghi `agency.id`",
    ),
    (
        "{} names no agency: its `agency.id` cell is empty",
        "{0} không nêu cơ quan: ô `agency.id` đang để trống",
    ),
    (
        "answers are read from the sheets named after dimensions: {}",
        "câu trả lời được đọc từ các trang tính mang tên lĩnh vực: {0}",
    ),
    ("correct the cell, or clear it", "sửa ô, hoặc xóa nội dung ô"),
    ("keep one row per criterion", "mỗi tiêu chí một dòng"),
    (
        "more evidence for a criterion goes on the rows just below its row, with column A empty",
        "minh chứng bổ sung của một tiêu chí ghi ở các dòng ngay dưới dòng của tiêu chí, để trống cột A",
    ),
    (
        "start from a workbook written by `dgmat init DIR --xlsx`, which has the agency block on its first sheet",
        "hãy bắt đầu từ bảng tính do `dgmat init THƯ-MỤC --xlsx` tạo ra, có phần thông tin cơ quan ở trang đầu",
    ),
    ("type the agency's short id, e.g. `moh`", "nhập mã ngắn của cơ quan, ví dụ `moh`"),
    ("write `questionnaire`", "ghi `questionnaire`"),
    (
        "write it on its criterion's row (the id is in column A)",
        "ghi vào dòng của tiêu chí (mã tiêu chí ở cột A)",
    ),
    (
        "column `{}` is not a field of `{}`; it is ignored",
        "cột `{0}` không phải trường của `{1}`; cột bị bỏ qua",
    ),
    (
        "declare it in the rubric (a field or an `aliases` entry) to use it; fields of `{}`: {}",
        "khai báo cột trong bộ tiêu chí (một trường hoặc một mục `aliases`) để sử dụng; các trường của `{0}`: {1}",
    ),
    (
        "did you mean `{}`? (or add it to the field's `aliases`)",
        "có phải là `{0}`? (hoặc thêm vào `aliases` của trường)",
    ),
    ("invalid CSV: {}", "CSV không hợp lệ: {0}"),
    (
        "is this really an inventory? check the delimiter and the file",
        "đây có đúng là danh mục không? kiểm tra dấu phân cách và tệp",
    ),
    (
        "raise the limit with --max-rows (or DGMAT_MAX_ROWS) if the file is genuine",
        "nếu tệp là thật, tăng giới hạn bằng --max-rows (hoặc DGMAT_MAX_ROWS)",
    ),
    (
        "the formula {} was saved without its value, so there is nothing to read",
        "công thức {0} được lưu mà không có giá trị, nên không có gì để đọc",
    ),
    (
        "open the workbook in a spreadsheet and save it again (which computes the value), or type the value instead of a formula",
        "mở bảng tính bằng chương trình bảng tính và lưu lại (để tính giá trị), hoặc nhập giá trị thay cho công thức",
    ),
    (
        "the header has {} columns, over the limit of {}",
        "dòng tiêu đề có {0} cột, vượt giới hạn {1}",
    ),
    ("there is no column `{}`; columns: {}", "không có cột `{0}`; các cột: {1}"),
    ("{} has more than {} rows", "{0} có hơn {1} dòng"),
    (
        "{} is not a date (nor a spreadsheet date serial)",
        "{0} không phải ngày (cũng không phải số ngày của bảng tính)",
    ),
    (
        "{}: {} row(s) leave `{}` blank and belong to no agency",
        "{0}: {1} dòng để trống `{2}` nên không thuộc cơ quan nào",
    ),
    // Inventory, more.
    ("a record of `{}`: {}", "một bản ghi của `{0}`: {1}"),
    (
        "a key is a short identifier: letters, digits and punctuation, no control characters",
        "khóa là một mã ngắn: chữ, số và dấu câu, không có ký tự điều khiển",
    ),
    ("declared fields of `{}`: {}", "các trường đã khai báo của `{0}`: {1}"),
    ("every record needs a unique `{}`", "mỗi bản ghi cần một `{0}` duy nhất"),
    ("expected a list, found {}", "cần một danh sách, nhưng là {0}"),
    ("list item: {}", "phần tử danh sách: {0}"),
    ("the key `{}`", "khóa `{0}`"),
    (
        "the rubric declares these collections: {}",
        "bộ tiêu chí khai báo các danh mục: {0}",
    ),
    (
        "{} (the record still counts: `invalid_records: warn`)",
        "{0} (bản ghi vẫn được tính: `invalid_records: warn`)",
    ),
    // Questionnaire, more.
    ("add `agency: {}`", "thêm `agency: {0}`"),
    ("add `answer: ...`", "thêm `answer: ...`"),
    ("assessed_on {} is before {}", "assessed_on {0} trước ngày {1}"),
    (
        "rubric `{}` has no criterion `{}`; remove the answer",
        "bộ tiêu chí `{0}` không có tiêu chí `{1}`; hãy xóa câu trả lời",
    ),
    ("write `agency: {}`", "ghi `agency: {0}`"),
    ("lists cannot be nested", "danh sách không được lồng nhau"),
    // Waivers, more.
    (
        "`agency` is for the ministry-wide file given with --waivers",
        "`agency` chỉ dùng trong tệp miễn trừ chung của bộ, nêu bằng --waivers",
    ),
    ("`expires` is `{}`, not a date", "`expires` là `{0}`, không phải ngày"),
    (
        "`records` belong to a rule waiver, not to a criterion",
        "`records` chỉ dùng cho miễn trừ quy tắc, không dùng cho tiêu chí",
    ),
    ("`records` is empty", "`records` đang để trống"),
    ("`{}` is empty", "`{0}` đang để trống"),
    (
        "a waiver names either a `criterion` or a `rule`, not both",
        "miễn trừ nêu `criterion` hoặc `rule`, không nêu cả hai",
    ),
    (
        "list the keys of the records the rule is waived for: `records: [moh-legacy]`",
        "liệt kê khóa của các bản ghi được miễn trừ quy tắc: `records: [moh-legacy]`",
    ),
    // Batch discovery and the output folder.
    (
        "could not be read: cannot look for {}: {}",
        "không đọc được: không tìm được {0}: {1}",
    ),
    ("could not be read: {}", "không đọc được: {0}"),
    (
        "not assessed: {} is a symbolic link to {}, outside ROOT (--follow-links to read it)",
        "không đánh giá: {0} là liên kết tượng trưng đến {1}, nằm ngoài ROOT (dùng --follow-links để đọc)",
    ),
    (
        "not followed: a symbolic link to {}, outside ROOT (--follow-links to follow it)",
        "không đi theo: liên kết tượng trưng đến {0}, nằm ngoài ROOT (dùng --follow-links để đi theo)",
    ),
    (
        "--out {} is inside --verified {}: choose an output folder outside it",
        "--out {0} nằm trong --verified {1}: hãy chọn thư mục kết quả bên ngoài",
    ),
    (
        "--out {} is inside the submission {}: the outputs would mix with an agency's files; choose a folder outside it",
        "--out {0} nằm trong bộ hồ sơ {1}: kết quả sẽ lẫn với tệp của cơ quan; hãy chọn thư mục bên ngoài",
    ),
    (
        "--verified {} and ROOT {} lie one inside the other: the inspectors' submissions would be assessed as agencies' (or the reverse); keep them in separate folders",
        "--verified {0} và ROOT {1} nằm lồng nhau: hồ sơ của đoàn kiểm tra sẽ bị đánh giá như hồ sơ của cơ quan (hoặc ngược lại); hãy để ở hai thư mục riêng",
    ),
    ("--verified {} is not a directory", "--verified {0} không phải thư mục"),
    ("cannot create the output directory {}", "không tạo được thư mục kết quả {0}"),
    ("cannot render the agency report: {}", "không tạo được báo cáo của cơ quan: {0}"),
    (
        "{} is not a folder; the batch writes its agency reports there: move it away or choose another --out",
        "{0} không phải thư mục; batch ghi báo cáo của các cơ quan vào đó: hãy chuyển tệp đi hoặc chọn --out khác",
    ),
    ("cannot create the lock file {}", "không tạo được tệp khóa {0}"),
    ("cannot create {}", "không tạo được {0}"),
    ("cannot replace {}", "không thay thế được {0}"),
    ("cannot take over the stale lock {}", "không tiếp quản được tệp khóa cũ {0}"),
    (
        "took over the lock {} left by an earlier run (pid {}, started {}) that is no longer running",
        "đã tiếp quản tệp khóa {0} do lần chạy trước để lại (pid {1}, bắt đầu {2}), lần chạy đó đã dừng",
    ),
    (
        "{} is in use by another dgmat batch (pid {}, started {}); wait for it to finish, or, if no dgmat is running, delete {}",
        "{0} đang được một lần chạy dgmat batch khác sử dụng (pid {1}, bắt đầu {2}); hãy chờ chạy xong, hoặc nếu không còn dgmat nào đang chạy, xóa {3}",
    ),
    // Rubric expressions met on a submission.
    ("`{}` could not be evaluated: {}", "`{0}` không tính được: {1}"),
    ("`{}` gave {}, not true or false", "`{0}` cho kết quả {1}, không phải đúng hoặc sai"),
    (
        "`{}` would take about {} steps over a list of {}, past the rule budget of {} steps for one submission",
        "`{0}` sẽ cần khoảng {1} bước trên danh sách {2} phần tử, vượt giới hạn {3} bước cho một bộ hồ sơ",
    ),
    // Batches.
    (
        "{}; a batch assesses every submission against one rubric (--rubric)",
        "{0}; khi đánh giá hàng loạt, mọi bộ hồ sơ được đánh giá theo cùng một bộ tiêu chí (--rubric)",
    ),
    ("{} (and {} more)", "{0} (và {1} lỗi khác)"),
    ("invalid submission", "bộ hồ sơ không hợp lệ"),
    (
        "agency `{}` is claimed by {} submissions: {}; {} counts, the other(s) are superseded",
        "cơ quan `{0}` có {1} bộ hồ sơ: {2}; tính {3}, các bộ còn lại bị thay thế",
    ),
    (
        "agency `{}` is claimed by {} submissions: {}; the latest share one date, so they conflict and the agency counts as reaching no level until one is removed",
        "cơ quan `{0}` có {1} bộ hồ sơ: {2}; các bộ mới nhất cùng ngày nên trùng lặp chưa xử lý, cơ quan được tính là chưa đạt mức nào cho đến khi loại bỏ một bộ",
    ),
    ("stale: {}: {}; not counted", "quá hạn: {0}: {1}; không được tính"),
    (
        "assessed on {}, more than {} days before the round's date {}",
        "đánh giá ngày {0}, trước ngày của đợt đánh giá {2} hơn {1} ngày",
    ),
    (
        "{} (the rubric's scoring.max_age_days)",
        "{0} (scoring.max_age_days của bộ tiêu chí)",
    ),
    (
        "agency ids {} differ only by case, invisible characters or look-alike letters; if they are one agency, give its submissions one id",
        "các mã cơ quan {0} chỉ khác nhau ở chữ hoa/thường, ký tự ẩn hoặc chữ cái giống nhau; nếu là cùng một cơ quan, hãy dùng một mã cho các bộ hồ sơ",
    ),
    (
        "superseded by {}, which counts for agency `{}` (a questionnaire beats an inventory alone and a readable submission an unreadable one; then the latest assessed_on wins)",
        "bị thay thế bởi {0}, bộ được tính cho cơ quan `{1}` (phiếu tự đánh giá được ưu tiên hơn danh mục đơn lẻ, bộ đọc được ưu tiên hơn bộ lỗi; sau đó bộ có assessed_on mới nhất được tính)",
    ),
    (
        "superseded by later submissions for agency `{}`, which conflict with each other",
        "bị thay thế bởi các bộ hồ sơ mới hơn của cơ quan `{0}`, các bộ này trùng lặp chưa xử lý",
    ),
    (
        "conflicts with {}: same agency `{}`, same assessed_on; the agency counts as reaching no level until one is removed",
        "trùng lặp với {0}: cùng cơ quan `{1}`, cùng assessed_on; cơ quan được tính là chưa đạt mức nào cho đến khi loại bỏ một bộ",
    ),
    (
        "no questionnaire: its questions count as unanswered",
        "không có phiếu tự đánh giá: các câu hỏi được tính là chưa trả lời",
    ),
    (
        "incomplete: {}: no questionnaire; its questions count as unanswered",
        "chưa đầy đủ: {0}: không có phiếu tự đánh giá; các câu hỏi được tính là chưa trả lời",
    ),
    ("no date", "không ghi ngày"),
    // Why a command could not run.
    ("{}: {} problem(s) in the input", "{0}: dữ liệu đầu vào có {1} vấn đề"),
    ("could not assess", "không đánh giá được"),
    ("could not assess {}", "không đánh giá được {0}"),
    ("could not reconcile", "không đối chiếu được"),
    ("could not read the --from submission", "không đọc được bộ hồ sơ --from"),
    ("could not split the consolidated inventory", "không tách được danh mục tổng hợp"),
    ("could not read --waivers: {} problem(s)", "không đọc được --waivers: {0} vấn đề"),
    (
        "could not assess: the rubric's expressions would run too long on this submission",
        "không đánh giá được: các biểu thức của bộ tiêu chí sẽ chạy quá lâu trên bộ hồ sơ này",
    ),
    ("the input is invalid", "dữ liệu đầu vào không hợp lệ"),
    (
        "the rubric is invalid; nothing was assessed",
        "bộ tiêu chí không hợp lệ; chưa đánh giá gì",
    ),
    ("--target: {}", "--target: {0}"),
    ("target level {} is not a level 1-5", "mức mục tiêu {0} không phải mức từ 1 đến 5"),
    (
        "`{}` is neither a level 1-5 nor a target of rubric `{}` (targets: {})",
        "`{0}` không phải mức từ 1 đến 5, cũng không phải mục tiêu của bộ tiêu chí `{1}` (các mục tiêu: {2})",
    ),
    ("{} is not a directory", "{0} không phải thư mục"),
    ("{} is not a file", "{0} không phải tệp"),
    ("cannot write {}: {}", "không ghi được {0}: {1}"),
    ("cannot write {}", "không ghi được {0}"),
    (
        "-o {}: {}; dgmat writes only to a regular file or a new name (omit -o to write to stdout)",
        "-o {0}: {1}; dgmat chỉ ghi vào tệp thông thường hoặc tên tệp mới (bỏ -o để ghi ra màn hình)",
    ),
    (
        "{} already exist(s); nothing was written\nhelp: pass --force to overwrite, or choose another directory",
        "{0} đã tồn tại; chưa ghi gì\ngợi ý: dùng --force để ghi đè, hoặc chọn thư mục khác",
    ),
    (
        "round `{}` of {} is given twice ({} and {}); give each round once",
        "đợt đánh giá `{0}` của {1} được nêu hai lần ({2} và {3}); mỗi đợt chỉ nêu một lần",
    ),
    (
        "progress compares two or more rounds; {} given (batch output directories, or the rounds of --db)",
        "progress so sánh từ hai đợt đánh giá trở lên; mới có {0} (thư mục kết quả của batch, hoặc các đợt trong --db)",
    ),
    (
        "{}: no such file; give the output directories of `dgmat batch` (each holds summary.json)",
        "{0}: không có tệp này; hãy nêu các thư mục kết quả của `dgmat batch` (mỗi thư mục có summary.json)",
    ),
    (
        "{}: no such file; give the output directory of `dgmat batch` (it holds summary.json) or the summary.json file",
        "{0}: không có tệp này; hãy nêu thư mục kết quả của `dgmat batch` (có summary.json) hoặc tệp summary.json",
    ),
    (
        "{}: not a batch summary this version reads ({}); rerun `dgmat batch` to write one",
        "{0}: không phải tệp tổng hợp mà phiên bản này đọc được ({1}); chạy lại `dgmat batch` để tạo tệp mới",
    ),
    (
        "{}: report format {} is not supported (this dgmat reads format 1)",
        "{0}: định dạng báo cáo {1} không được hỗ trợ (phiên bản dgmat này đọc định dạng 1)",
    ),
    (
        "{}: not a dgmat JSON report: {}\nhelp: give a report written by `dgmat assess --format json`, or a submission directory",
        "{0}: không phải báo cáo JSON của dgmat: {1}\ngợi ý: nêu báo cáo do `dgmat assess --format json` tạo ra, hoặc một thư mục hồ sơ",
    ),
    (
        "give a ROOT directory, or --inventory FILE with --group-by COLUMN",
        "nêu thư mục ROOT, hoặc --inventory TỆP kèm --group-by CỘT",
    ),
    (
        "--out {} is ROOT itself: the outputs would mix with the submissions; choose a folder beside it",
        "--out {0} chính là ROOT: kết quả sẽ lẫn với các bộ hồ sơ; hãy chọn một thư mục bên cạnh",
    ),
    (
        "--out {} is a submission folder: the outputs would mix with an agency's files; choose a folder outside it",
        "--out {0} là thư mục hồ sơ: kết quả sẽ lẫn với tệp của cơ quan; hãy chọn thư mục bên ngoài",
    ),
    (
        "--out {} is inside the batch results {}, whose reports name every agency; write the statistics to a folder of their own",
        "--out {0} nằm trong thư mục kết quả {1}, nơi các báo cáo nêu tên từng cơ quan; hãy ghi số liệu thống kê vào một thư mục riêng",
    ),
    (
        "{} was assessed against {}, the last round against {}: figures may not compare",
        "{0} được đánh giá theo {1}, đợt gần nhất theo {2}: số liệu có thể không so sánh được",
    ),
    // Comparisons.
    (
        "the reports use different rubrics (`{}` and `{}`): levels may not be comparable",
        "hai báo cáo dùng hai bộ tiêu chí khác nhau (`{0}` và `{1}`): các mức có thể không so sánh được",
    ),
    (
        "the reports use different versions of rubric `{}` ({} and {}): criteria may have changed",
        "hai báo cáo dùng hai phiên bản của bộ tiêu chí `{0}` ({1} và {2}): các tiêu chí có thể đã thay đổi",
    ),
    (
        "the reports are for different agencies (`{}` and `{}`)",
        "hai báo cáo thuộc hai cơ quan khác nhau (`{0}` và `{1}`)",
    ),
    (
        "the reports measure different targets (level {} and level {}): gaps closed and opened reflect that too",
        "hai báo cáo đo theo hai mục tiêu khác nhau (mức {0} và mức {1}): các nội dung chưa đạt đã khắc phục và mới phát sinh cũng phản ánh điều đó",
    ),
    ("{} level {} → {}", "{0} mức {1} → {2}"),
    ("{} criterion no longer met: {}", "{0} tiêu chí không còn đạt: {1}"),
    ("{} criteria no longer met: {}", "{0} tiêu chí không còn đạt: {1}"),
    ("{} (now {})", "{0} (hiện {1})"),
    (
        "shorten it; cite long documents by reference or URL",
        "rút gọn nội dung; dẫn văn bản dài bằng số hiệu hoặc đường dẫn",
    ),
];

/// dgmat's English phrases that may fill a hole, and their Vietnamese: value kinds, answer
/// types, field types, agency fields, statuses.
pub const PHRASES: &[(&str, &str)] = &[
    ("a mapping", "một ánh xạ (mapping)"),
    ("a list", "một danh sách"),
    ("a string", "một chuỗi"),
    ("a number", "một số"),
    ("an integer", "một số nguyên"),
    ("a boolean", "một giá trị đúng/sai"),
    ("null", "trống (null)"),
    ("a questionnaire", "phiếu tự đánh giá"),
    ("an inventory", "danh mục"),
    ("the agency", "phần cơ quan"),
    ("the respondent", "phần người trả lời"),
    ("questionnaire", "phiếu tự đánh giá"),
    ("inventory", "danh mục"),
    ("yes | no", "yes | no (có | không)"),
    ("yes | partial | no", "yes | partial | no (có | một phần | không)"),
    ("a percentage 0-100", "một tỷ lệ phần trăm từ 0 đến 100"),
    ("a level 1-5", "một mức từ 1 đến 5"),
    ("free text", "văn bản tự do"),
    ("a date YYYY-MM-DD", "một ngày dạng YYYY-MM-DD"),
    ("string", "chuỗi"),
    ("boolean", "đúng/sai"),
    ("date", "ngày"),
    ("integer", "số nguyên"),
    ("number", "số"),
    ("met", "đạt"),
    ("partial", "đạt một phần"),
    ("not_met", "chưa đạt"),
    ("unanswered", "chưa trả lời"),
    ("evidence_missing", "thiếu minh chứng"),
    ("evidence_stale", "minh chứng quá hạn"),
    ("contradicted", "mâu thuẫn với danh mục"),
    ("not_applicable", "không áp dụng"),
    ("waived", "được miễn trừ"),
];

/// A tier as the batch summary keys it (`province`, `unknown`), in `lang`.
pub fn tier_word(tier: &str, lang: Lang) -> String {
    let t = crate::report::i18n::texts(lang);
    match (lang, tier) {
        (Lang::En, _) => tier.to_string(),
        (Lang::Vi, "ministry") => t.ministry.to_lowercase(),
        (Lang::Vi, "province") => t.province.to_lowercase(),
        (Lang::Vi, "commune") => t.commune.to_lowercase(),
        (Lang::Vi, "other") => t.other.to_lowercase(),
        (Lang::Vi, "unknown") => "chưa rõ cấp".to_string(),
        (Lang::Vi, other) => other.to_string(),
    }
}

/// `finding` as people read it in `lang`: its message and help through the catalog, its
/// dates in `lang`'s way. English is the finding itself.
pub fn localized(finding: &Finding, lang: Lang) -> Finding {
    if lang == Lang::En {
        return finding.clone();
    }
    let mut f = finding.clone();
    f.message = text(&f.message, lang);
    f.help = f.help.as_deref().map(|h| text(h, lang));
    f
}

/// Every finding of `findings` through [`localized`].
pub fn localized_all(findings: &[Finding], lang: Lang) -> Vec<Finding> {
    findings.iter().map(|f| localized(f, lang)).collect()
}

/// One of dgmat's English sentences in `lang` (as it is when no template matches).
pub fn text(english: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return english.to_string();
    }
    let translated = translate(english, lang)
        .or_else(|| phrase(english).map(str::to_string))
        .unwrap_or_else(|| english.to_string());
    crate::report::locale::dates_in(&translated, lang)
}

/// `english` through a template, also after a place it starts with (`file:6:9: message`).
fn translate(english: &str, lang: Lang) -> Option<String> {
    template(english, lang).or_else(|| {
        english
            .match_indices(": ")
            .find_map(|(i, _)| template(&english[i + 2..], lang).map(|rest| format!("{}: {rest}", &english[..i])))
    })
}

/// `english` through the template that matches it.
/// Of several matching templates, the one with the most fixed text wins (`unknown key `{}`
/// in the answer to `{}`` over `unknown key `{}` in {}`).
fn template(english: &str, lang: Lang) -> Option<String> {
    TEMPLATES
        .iter()
        .filter_map(|(en, vi)| matches(en, english).map(|holes| (en.len() - 2 * holes.len(), vi, holes)))
        .max_by_key(|(fixed, ..)| *fixed)
        .map(|(_, vi, holes)| fill(vi, &holes, lang))
}

/// The Vietnamese of one of [`PHRASES`], also of a description that starts with a type
/// (`integer from 1 to 5`, `one of: a, b`).
fn phrase(english: &str) -> Option<&'static str> {
    PHRASES.iter().find(|(en, _)| *en == english).map(|(_, vi)| *vi)
}

/// A description of a field's or an answer's type (`integer from 1 to 5`, `one of: a, b`,
/// `yes | no`, `a percentage 0-100`) in `lang`, for templates and rubric documents.
pub fn describe(english: &str, lang: Lang) -> String {
    match lang {
        Lang::En => english.to_string(),
        Lang::Vi => hole(english, lang),
    }
}

/// A hole's text in Vietnamese: a phrase of dgmat's, a field description, or as it is.
fn hole(text: &str, lang: Lang) -> String {
    if let Some(vi) = phrase(text) {
        return vi.to_string();
    }
    // A sentence of dgmat's inside another (`field `x`: 9 is out of range (...)`).
    if let Some(vi) = translate(text, lang) {
        return vi;
    }
    // A list of them (`QUA-1 (now not_met), QUA-2 (now partial)`).
    if text.contains(", ") {
        let parts: Vec<Option<String>> = text.split(", ").map(|p| template(p, lang)).collect();
        if parts.iter().any(Option::is_some) {
            let all = text.split(", ").zip(parts).map(|(p, t)| t.unwrap_or_else(|| p.to_string()));
            return all.collect::<Vec<_>>().join(", ");
        }
    }
    if let Some(values) = text.strip_prefix("one of: ") {
        return format!("một trong: {values}");
    }
    if let Some(values) = text.strip_prefix("a list of: ") {
        return format!("danh sách gồm: {values}");
    }
    if let Some(kind) = text.strip_prefix("a list of ") {
        return format!("danh sách {}", phrase(kind).unwrap_or(kind));
    }
    for (en, vi) in [(" from ", "từ"), (" of at least ", "tối thiểu"), (" of at most ", "tối đa")] {
        if let Some((kind, rest)) = text.split_once(en)
            && let Some(kind) = phrase(kind)
        {
            let rest = if en == " from " {
                rest.replacen(" to ", " đến ", 1)
            } else {
                rest.to_string()
            };
            return format!("{kind} {vi} {rest}");
        }
    }
    text.to_string()
}

/// The holes of `template` in `text`, if the text has the template's fixed parts in order.
fn matches(template: &str, text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let mut holes = Vec::new();
    fit(&parts, text, &mut holes).then_some(holes)
}

/// Whether `text` is `parts[0]`, a hole, `parts[1]`, ..., with non-empty holes; the shortest
/// holes that let the rest fit win.
fn fit(parts: &[&str], text: &str, holes: &mut Vec<String>) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    let Some(after) = text.strip_prefix(first) else {
        return false;
    };
    let Some((next, _)) = rest.split_first() else {
        return after.is_empty();
    };
    if next.is_empty() && rest.len() == 1 {
        // The template ends in a hole: it takes the rest.
        if after.is_empty() {
            return false;
        }
        holes.push(after.to_string());
        return true;
    }
    for (i, _) in after.match_indices(next).filter(|(i, _)| *i > 0) {
        holes.push(after[..i].to_string());
        if fit(rest, &after[i..], holes) {
            return true;
        }
        holes.pop();
    }
    false
}

/// `template` with `{0}`, `{1}`, ... replaced by the holes (each translated when it is one of
/// dgmat's phrases, unless the template quotes it as code: `` `{0}` `` is an id or a value).
fn fill(template: &str, holes: &[String], lang: Lang) -> String {
    let mut out = template.to_string();
    for (i, h) in holes.iter().enumerate() {
        let quoted = format!("`{{{i}}}`");
        let text = if template.contains(&quoted) { h.clone() } else { hole(h, lang) };
        out = out.replace(&format!("{{{i}}}"), &text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_and_fill_their_holes() {
        assert_eq!(
            text("field `security_level`: 9 is out of range (integer from 1 to 5)", Lang::Vi),
            "trường `security_level`: 9 nằm ngoài khoảng cho phép (số nguyên từ 1 đến 5)",
            "a hole that is itself one of dgmat's sentences is translated too"
        );
        assert_eq!(
            text("`security_level` is declared as integer from 1 to 5", Lang::Vi),
            "`security_level` được khai báo là số nguyên từ 1 đến 5"
        );
        assert_eq!(
            text("`SEC-5.1` expects a percentage 0-100, found `120`", Lang::Vi),
            "`SEC-5.1` cần một tỷ lệ phần trăm từ 0 đến 100, nhưng nhận được `120`"
        );
        assert_eq!(
            text("`systems` must be a list of records, found a mapping", Lang::Vi),
            "`systems` phải là danh sách bản ghi, nhưng là một ánh xạ (mapping)"
        );
        assert_eq!(text("something new", Lang::Vi), "something new");
        assert_eq!(text("unknown tier `x`", Lang::En), "unknown tier `x`");
    }

    #[test]
    fn every_template_has_as_many_holes_in_both_languages() {
        for (en, vi) in TEMPLATES {
            let n = en.matches("{}").count();
            for i in 0..n {
                assert!(vi.contains(&format!("{{{i}}}")), "{en} → {vi}: hole {i} is lost");
            }
            assert!(!vi.contains(&format!("{{{n}}}")), "{en} → {vi}: too many holes");
        }
    }
}
