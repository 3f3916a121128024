//! dgmat's own rules in Vietnamese: what each finds and what to do, the twins of the English
//! table in [`crate::rule`] (which stays in the bottom layer). The match is exhaustive, so a rule
//! added there without its Vietnamese here does not compile.

use crate::lang::Lang;
use crate::rule::Rule;

/// What rule `r` finds, in one line, in `lang`.
pub fn description(r: Rule, lang: Lang) -> &'static str {
    match lang {
        Lang::En => r.description(),
        Lang::Vi => vi(r).0,
    }
}

/// Why rule `r` matters and what to do, in `lang`.
pub fn help(r: Rule, lang: Lang) -> &'static str {
    match lang {
        Lang::En => r.help(),
        Lang::Vi => vi(r).1,
    }
}

/// (description, help) of `r` in Vietnamese.
fn vi(r: Rule) -> (&'static str, &'static str) {
    use Rule::*;
    match r {
        Io => (
            "Tệp không đọc được",
            "Đường dẫn không tồn tại, không phải tệp hoặc không mở được. Kiểm tra đường dẫn và quyền truy cập.",
        ),
        NoInput => (
            "Bộ hồ sơ không có phiếu tự đánh giá hay danh mục",
            "Thư mục hồ sơ gồm `questionnaire.yaml` và một trong `inventory.yaml`, `<collection>.csv` hoặc `inventory.xlsx`.",
        ),
        UnsupportedInput => (
            "Tệp đầu vào mà phiên bản này không đọc được",
            "dgmat đọc tệp YAML, CSV, XLSX và ODS. Lưu bảng tính `.xls`/`.xlsb` cũ thành `.xlsx`.",
        ),
        Encoding => (
            "Tệp không phải văn bản UTF-8",
            "Lưu tệp dưới dạng UTF-8 (trong Excel: CSV UTF-8). Dấu BOM được chấp nhận.",
        ),
        FileTooLarge => (
            "Tệp vượt giới hạn dung lượng",
            "Tệp chỉ được đọc đến một giới hạn dung lượng để phòng dữ liệu bất thường. Nếu tệp là thật, tăng giới hạn bằng `--max-file-mb` hoặc `--max-yaml-mb`.",
        ),
        TooLarge => (
            "Bảng tính khi giải nén vượt giới hạn dung lượng",
            "Bảng tính là tệp nén zip; dung lượng sau giải nén được kiểm tra trước khi đọc. Nếu bảng tính là thật, tăng giới hạn bằng `--max-unzipped-mb`.",
        ),
        TooManyRows => (
            "Bảng có số dòng vượt giới hạn",
            "Các dòng vượt giới hạn không được đọc. Nếu tệp là thật, tăng giới hạn bằng `--max-rows` (hoặc `DGMAT_MAX_ROWS`).",
        ),
        UncachedFormula => (
            "Công thức trong bảng tính được lưu mà không có giá trị",
            "dgmat đọc ô công thức theo giá trị bảng tính đã lưu và không tự tính công thức. Mở bảng tính bằng Excel hoặc LibreOffice rồi lưu lại, hoặc nhập trực tiếp giá trị.",
        ),
        Csv => (
            "Tệp CSV không phân tích được",
            "Kiểm tra dấu phân cách (dấu phẩy), dấu ngoặc kép và bảo đảm mỗi dòng có số ô bằng dòng tiêu đề.",
        ),
        Spreadsheet => (
            "Bảng tính không đọc được",
            "Tệp không phải bảng tính XLSX hoặc ODS đọc được. Mở tệp bằng chương trình bảng tính và lưu lại.",
        ),
        YamlSyntax => (
            "YAML không hợp lệ",
            "Sửa YAML tại vị trí được chỉ ra: thụt lề, thiếu dấu hai chấm, thiếu dấu đóng ngoặc kép hoặc ngoặc.",
        ),
        YamlLimit => (
            "Văn bản YAML vượt giới hạn an toàn của trình đọc",
            "Bí danh (alias) mở rộng quá mức hoặc lồng nhau quá sâu bị từ chối để phòng tấn công. Hãy viết văn bản ở dạng thông thường.",
        ),
        DuplicateKey => (
            "Khóa bị lặp trong cùng một ánh xạ YAML",
            "Mỗi khóa chỉ được nêu một lần trong một ánh xạ; các trình đọc YAML xử lý giá trị trùng khác nhau. Xóa một trong hai.",
        ),
        FormatVersion => (
            "Thiếu hoặc không hỗ trợ phiên bản định dạng `dgmat:`",
            "Mọi tệp dgmat bắt đầu bằng `dgmat: 1` và một dòng `kind:`.",
        ),
        WrongKind => (
            "Tệp không đúng loại cần dùng",
            "Truyền bộ tiêu chí bằng `--rubric`, còn phiếu tự đánh giá và danh mục là bộ hồ sơ; dòng `kind:` cho biết loại của tệp.",
        ),
        UnknownKey => (
            "Khóa không có trong định dạng",
            "Khóa lạ được coi là lỗi để khóa viết sai không bị bỏ qua. Gợi ý nêu khóa hợp lệ gần nhất.",
        ),
        MissingKey => (
            "Thiếu khóa bắt buộc",
            "Thêm khóa được nêu trong thông báo; `dgmat schema` in ra các khóa của mọi định dạng.",
        ),
        InvalidValue => (
            "Giá trị sai kiểu hoặc ngoài các giá trị cho phép",
            "Ghi giá trị đúng kiểu đã khai báo cho trường: thông báo nêu kiểu đó (ngày ghi dạng YYYY-MM-DD).",
        ),
        UnknownCollection => (
            "Danh mục không được khai báo trong bộ tiêu chí",
            "Danh mục chỉ gồm các nhóm bản ghi mà bộ tiêu chí liệt kê tại `inventory:`; kiểm tra tên tệp, trang tính hoặc khóa.",
        ),
        UnknownColumn => (
            "Cột không phải là trường của danh mục",
            "Dòng tiêu đề nêu các trường của danh mục; đổi tên hoặc xóa cột này.",
        ),
        MissingColumn => (
            "Bảng thiếu cột bắt buộc của danh mục",
            "Thêm cột cho mọi trường bắt buộc của danh mục (`dgmat rubric doc` liệt kê các trường).",
        ),
        GroupBy => (
            "Danh mục tổng hợp thiếu cột dùng để tách",
            "`batch --group-by CỘT` tách một bảng thành mỗi bộ hồ sơ cho một giá trị của CỘT: nêu tên một cột trong dòng tiêu đề.",
        ),
        MissingField => (
            "Bản ghi thiếu trường bắt buộc",
            "Điền trường này: bộ tiêu chí đánh dấu là `required` (bắt buộc).",
        ),
        DuplicateRecord => (
            "Hai bản ghi của một danh mục có cùng khóa",
            "Khóa của danh mục xác định duy nhất mỗi bản ghi; đổi tên hoặc gộp hai bản ghi.",
        ),
        DanglingReference => (
            "Tham chiếu đến bản ghi không tồn tại",
            "Trường danh sách có `refers_to` đến danh mục khác phải nêu khóa của danh mục đó: thêm bản ghi hoặc sửa tham chiếu.",
        ),
        RuleError => (
            "Quy tắc của bộ tiêu chí không tính được trên một bản ghi",
            "Giá trị của bản ghi làm biểu thức của quy tắc không tính được (ví dụ sai kiểu); thông báo nêu bản ghi và quy tắc.",
        ),
        UnknownCriterion => (
            "Trả lời cho tiêu chí không có trong bộ tiêu chí",
            "Chỉ trả lời các tiêu chí của bộ tiêu chí: kiểm tra mã tiêu chí và `rubric:` của phiếu có đúng bộ tiêu chí đang dùng.",
        ),
        ComputedCriterion => (
            "Trả lời cho tiêu chí được tính từ danh mục",
            "Tiêu chí có `check:` được chấm từ danh mục, không phải câu hỏi; xóa câu trả lời.",
        ),
        InvalidAnswer => (
            "Câu trả lời không đúng kiểu trả lời của tiêu chí",
            "Trả lời bằng một trong các giá trị mà kiểu trả lời của tiêu chí liệt kê (`dgmat init` ghi các giá trị này cạnh mỗi câu hỏi).",
        ),
        NaNotAllowed => (
            "Trả lời n/a cho tiêu chí không cho phép",
            "Chỉ tiêu chí có `allow_na: true` mới được trả lời n/a (không áp dụng); hãy trả lời có, một phần hoặc không.",
        ),
        NaWithoutNote => (
            "Trả lời n/a không kèm ghi chú lý do",
            "Câu trả lời n/a đưa tiêu chí ra khỏi việc tính điểm, nên cần `note:` nêu lý do không áp dụng.",
        ),
        EvidenceMissing => (
            "Câu trả lời cần minh chứng nhưng không nêu minh chứng",
            "Tiêu chí chỉ được tính khi có minh chứng: thêm `evidence: [{ref: ..., date: ...}]` vào câu trả lời.",
        ),
        EvidenceStale => (
            "Minh chứng cũ hơn thời hạn bộ tiêu chí chấp nhận",
            "Mọi minh chứng đều cũ hơn `evidence_max_age_days` của bộ tiêu chí: nêu minh chứng còn hiệu lực hoặc cập nhật văn bản.",
        ),
        EvidenceFuture => (
            "Minh chứng ghi ngày sau ngày đánh giá",
            "Minh chứng không thể ban hành sau lần đánh giá dẫn chiếu nó nên không được tính: câu trả lời cần minh chứng mà chỉ nêu minh chứng như vậy thì không được tính điểm. Sửa ngày của minh chứng, hoặc ngày `assessed_on`.",
        ),
        RuleBudget => (
            "Biểu thức của bộ tiêu chí sẽ lặp quá lâu trên bộ hồ sơ",
            "Phép duyệt lồng nhau trên danh sách của bản ghi tốn số bước bằng độ dài danh sách lũy thừa số tầng lồng; một bộ hồ sơ được dùng tối đa 10.000.000 bước. Phép tính vượt giới hạn không được chạy và bộ hồ sơ không được đánh giá. Nếu bộ tiêu chí và dữ liệu là thật, tăng giới hạn bằng `--max-rule-steps` (hoặc `DGMAT_MAX_RULE_STEPS`).",
        ),
        Contradicted => (
            "Câu trả lời “có” mâu thuẫn với danh mục",
            "Câu trả lời cho rằng tiêu chí đã đạt, nhưng phép kiểm tra danh mục của tiêu chí không đạt trên các bản ghi được nêu: sửa câu trả lời hoặc các bản ghi.",
        ),
        AgencyMismatch => (
            "Danh mục và phiếu tự đánh giá thuộc hai cơ quan khác nhau",
            "Mỗi bộ hồ sơ là của một cơ quan: nộp phiếu tự đánh giá và danh mục của cùng một cơ quan.",
        ),
        RubricMismatch => (
            "Phiếu tự đánh giá nêu bộ tiêu chí khác với bộ đang dùng",
            "`rubric:` của phiếu và `--rubric` không khớp; hãy dùng bộ tiêu chí mà phiếu trả lời theo.",
        ),
        NoInventory => (
            "Bộ hồ sơ không có danh mục trong khi bộ tiêu chí cần kiểm tra danh mục",
            "Các tiêu chí tính từ danh mục là `unanswered` (chưa trả lời) và không câu trả lời nào được đối chiếu. Thêm `inventory.yaml` (hoặc `<collection>.csv`, `inventory.xlsx`) cùng thư mục với phiếu.",
        ),
        Unanswered => (
            "Câu hỏi chưa được trả lời",
            "Câu hỏi chưa trả lời không được tính điểm và chặn mức của nó. Trả lời từng câu hỏi được liệt kê (`không` cũng là một câu trả lời); `dgmat init` ghi sẵn mọi câu hỏi.",
        ),
        PlaceholderAgency => (
            "Mã hoặc tên cơ quan để trống hoặc là giá trị mẫu",
            "Báo cáo, bảng tổng hợp và tên tệp dùng mã và tên cơ quan: thay giá trị mẫu bằng mã và tên thật của cơ quan.",
        ),
        WaiverExpired => (
            "Miễn trừ đã hết hạn trước ngày đánh giá",
            "Ngày `expires` của miễn trừ trước `assessed_on`, nên tiêu chí hoặc quy tắc được đánh giá như không được miễn trừ. Gia hạn bằng quyết định mới, hoặc xóa miễn trừ.",
        ),
        WaiverUnused => (
            "Miễn trừ không ứng với nội dung nào",
            "Tiêu chí được nêu đã đạt, không áp dụng hoặc không có trong bộ tiêu chí, hoặc các bản ghi được nêu không vi phạm quy tắc. Xóa miễn trừ, hoặc sửa tiêu chí, quy tắc hay khóa bản ghi.",
        ),
        AnswerNotApplicable => (
            "Trả lời cho câu hỏi không áp dụng",
            "Điều kiện `applies_when` của câu hỏi không thỏa mãn với bộ hồ sơ này nên câu trả lời không được tính. Xóa câu trả lời, hoặc sửa câu trả lời trước đó mà điều kiện dựa vào.",
        ),
        Rubric => (
            "Không tìm thấy bộ tiêu chí",
            "`--rubric` nhận tệp bộ tiêu chí hoặc mã của bộ tiêu chí cài sẵn (`dgmat rubric list`).",
        ),
        RubricId => (
            "Mã bộ tiêu chí không hợp lệ",
            "Mã bộ tiêu chí gồm chữ thường, chữ số và dấu gạch ngang: [a-z0-9-]+.",
        ),
        RubricLevels => (
            "Các mức của bộ tiêu chí không theo thứ tự từ 1 đến 5",
            "Liệt kê đúng các mức 1, 2, 3, 4 và 5 theo thứ tự.",
        ),
        RubricScoring => (
            "Thiết lập chấm điểm không hợp lệ",
            "Kiểm tra `scoring:`: tỷ lệ và mức tính điểm từ 0 đến 1, phương pháp là staged, rated hoặc points.",
        ),
        RubricTarget => (
            "Mục tiêu không hợp lệ",
            "Mục tiêu có mã duy nhất và mức từ 1 đến 5; `default_target` nêu một trong các mục tiêu; tỷ lệ mục tiêu chung từ 0 đến 1.",
        ),
        RubricInventory => (
            "Khai báo danh mục không hợp lệ",
            "Mỗi danh mục khai báo khóa trong các trường của mình; trường kiểu enum liệt kê giá trị; `refers_to` nêu một danh mục khác.",
        ),
        RubricCheck => (
            "Phép kiểm tra danh mục không hợp lệ",
            "`check:` hoặc `verify:` nêu một danh mục đã khai báo và cần `min_ratio` (0-1) hoặc `min_count`.",
        ),
        RubricWeight => ("Trọng số không hợp lệ", "Trọng số là số dương (mặc định 1)."),
        RubricCriteria => (
            "Tiêu chí không hợp lệ",
            "Tiêu chí có mã duy nhất và có câu hỏi (`answer:`) hoặc `check:`, kèm mức đối với bộ tiêu chí chấm lũy tiến.",
        ),
        RubricAnswer => (
            "Kiểu trả lời không hợp lệ",
            "Kiểm tra `answer:` của tiêu chí: ngưỡng đạt và đạt một phần, phương án lựa chọn có giá trị duy nhất và mức tính điểm từ 0 đến 1.",
        ),
        RubricBands => (
            "Ngưỡng điểm không hợp lệ",
            "Bộ tiêu chí chấm điểm ánh xạ tỷ lệ điểm sang mức bằng `bands`, mức cao nhất trước, tỷ lệ từ 0 đến 1 và giảm dần.",
        ),
        RubricPoints => (
            "Điểm không hợp lệ",
            "Trong bộ tiêu chí chấm điểm, mọi tiêu chí được tính đều có `points` (0 là tiêu chí chỉ để tham khảo); các phương pháp khác không dùng điểm.",
        ),
        RubricCondition => (
            "Điều kiện `applies_when` nêu tiêu chí không có hoặc phụ thuộc vào chính nó",
            "Điều kiện đọc `answers[\"ID\"]` của các tiêu chí mà bộ tiêu chí khai báo; các điều kiện không được tạo vòng (A hỏi sau B, B hỏi sau A).",
        ),
        RubricGroup => (
            "Nhóm lĩnh vực không hợp lệ",
            "Mỗi nhóm có mã duy nhất và liệt kê một hoặc nhiều lĩnh vực mà bộ tiêu chí khai báo.",
        ),
        RubricOverlay => (
            "Bộ tiêu chí bổ sung nêu nội dung mà bộ gốc không có",
            "`override` và `remove` nêu mã lĩnh vực hoặc tiêu chí của bộ gốc; `add` nêu một lĩnh vực của bộ gốc và các mã tiêu chí mới, duy nhất.",
        ),
        Expression => (
            "Biểu thức của bộ tiêu chí không biên dịch được",
            "Biểu thức CEL được hiển thị kèm vị trí lỗi; chỉ các trường đã khai báo của danh mục và `assessed_on` là biến.",
        ),
        DuplicateId => (
            "Một mã được dùng hai lần trong bộ tiêu chí",
            "Mã lĩnh vực, tiêu chí, quy tắc và mục tiêu là duy nhất trong một bộ tiêu chí.",
        ),
        EmptyLevel => (
            "Một mức của lĩnh vực không có tiêu chí",
            "Mức không có tiêu chí trong bộ chấm lũy tiến được coi là tự động đạt; hãy cho mỗi mức ít nhất một tiêu chí.",
        ),
        UnusedSetting => (
            "Thiết lập mà phương pháp chấm điểm của bộ tiêu chí không dùng",
            "Xóa thiết lập, hoặc đổi `scoring.method` sang phương pháp dùng thiết lập đó.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_reads_in_vietnamese() {
        for &r in Rule::ALL {
            for text in [description(r, Lang::Vi), help(r, Lang::Vi)] {
                assert!(!text.is_empty() && !text.is_ascii(), "{}: {text}", r.id());
            }
            assert_ne!(description(r, Lang::Vi), description(r, Lang::En));
        }
    }
}
