//! Templates of the findings about rubrics (`rubric lint`) and their expressions.

/// (English template, Vietnamese template).
pub(super) const ALL: &[(&str, &str)] = &[
    // Rubrics (`rubric lint`, and a rubric that stops a run).
    (
        "`applies_when` conditions form a cycle: {} -> {}",
        "các điều kiện `applies_when` tạo thành vòng: {0} -> {1}",
    ),
    (
        "`scoring.rated` is `minimum` or `mean`; `none` belongs to `scoring.overall`",
        "`scoring.rated` là `minimum` hoặc `mean`; `none` thuộc `scoring.overall`",
    ),
    (
        "a points rubric's overall level comes from its total share of points; `overall: none` does not apply",
        "mức tổng thể của bộ tiêu chí chấm điểm tính từ tổng tỷ lệ điểm; không dùng được `overall: none`",
    ),
    (
        "criterion `{}`: `applies_when` reads `{}`, which is not a criterion of this rubric",
        "tiêu chí `{0}`: `applies_when` đọc `{1}`, không phải tiêu chí của bộ tiêu chí này",
    ),
    (
        "criterion `{}`: option `{}` caps the level at {}, which is not a level 1-5",
        "tiêu chí `{0}`: phương án `{1}` giới hạn mức ở {2}, không phải mức từ 1 đến 5",
    ),
    (
        "criterion `{}`: option `{}` has a blank `action`",
        "tiêu chí `{0}`: phương án `{1}` có `action` để trống",
    ),
    (
        "group `{}` lists `{}`, which is not a dimension of this rubric",
        "nhóm `{0}` liệt kê `{1}`, không phải lĩnh vực của bộ tiêu chí này",
    ),
    ("group `{}` lists no dimensions", "nhóm `{0}` không liệt kê lĩnh vực nào"),
    (
        "a points rubric needs `scoring.bands`: the least share of points for each level 2-5",
        "bộ tiêu chí chấm điểm cần `scoring.bands`: tỷ lệ điểm tối thiểu cho mỗi mức từ 2 đến 5",
    ),
    ("add {level: {}, min: ...}", "thêm {level: {0}, min: ...}"),
    ("band level {} is not a level 1-5", "mức {0} của ngưỡng không phải mức từ 1 đến 5"),
    (
        "band min {} for level {} must be a share between 0 and 1",
        "ngưỡng tối thiểu {0} của mức {1} phải là tỷ lệ từ 0 đến 1",
    ),
    (
        "bands are not increasing: level {} needs {} but level {} needs {}",
        "các ngưỡng không tăng dần: mức {0} cần {1} nhưng mức {2} cần {3}",
    ),
    (
        "criterion `{}` has `points`, which only the points method uses",
        "tiêu chí `{0}` có `points`, chỉ phương pháp chấm điểm mới dùng",
    ),
    (
        "criterion `{}` has a `level`, but in a points rubric levels come from `bands`",
        "tiêu chí `{0}` có `level`, nhưng trong bộ tiêu chí chấm điểm, mức tính từ `bands`",
    ),
    (
        "criterion `{}` has a `level`, but in a rated rubric the answer is the level",
        "tiêu chí `{0}` có `level`, nhưng trong bộ tiêu chí chấm theo mức, câu trả lời chính là mức",
    ),
    (
        "criterion `{}` has a weight, which points scoring ignores",
        "tiêu chí `{0}` có trọng số, phương pháp chấm điểm không dùng trọng số",
    ),
    (
        "criterion `{}` has no `points`; every criterion of a points rubric is worth some",
        "tiêu chí `{0}` không có `points`; mọi tiêu chí của bộ tiêu chí chấm điểm đều có điểm",
    ),
    (
        "criterion `{}` is at level {}; staged criteria belong to levels 2-5 (level 1 is the floor)",
        "tiêu chí `{0}` ở mức {1}; tiêu chí chấm lũy tiến thuộc các mức từ 2 đến 5 (mức 1 là mức sàn)",
    ),
    (
        "criterion `{}` is worth {} points; points must be 0 (informational) or more",
        "tiêu chí `{0}` có {1} điểm; điểm phải từ 0 (chỉ để tham khảo) trở lên",
    ),
    ("criterion `{}` needs a `level` (2-5)", "tiêu chí `{0}` cần `level` (từ 2 đến 5)"),
    (
        "criterion `{}`: every criterion of a rated rubric is a question answered with a level",
        "tiêu chí `{0}`: mọi tiêu chí của bộ tiêu chí chấm theo mức là câu hỏi trả lời bằng một mức",
    ),
    (
        "express the criterion's importance in its `points`",
        "thể hiện tầm quan trọng của tiêu chí bằng `points`",
    ),
    ("level {} has two bands", "mức {0} có hai ngưỡng"),
    (
        "no band for level {}: bands must cover every level 2-5",
        "mức {0} không có ngưỡng: các ngưỡng phải phủ mọi mức từ 2 đến 5",
    ),
    (
        "the level-1 band must start at 0 (found {}): every share earns at least level 1",
        "ngưỡng của mức 1 phải bắt đầu từ 0 (đang là {0}): mọi tỷ lệ điểm đều đạt ít nhất mức 1",
    ),
    ("`add.{}` must be a list of criteria", "`add.{0}` phải là danh sách tiêu chí"),
    (
        "`add` maps dimension ids to the criteria appended to them",
        "`add` gán mã lĩnh vực với các tiêu chí được bổ sung vào lĩnh vực đó",
    ),
    (
        "`add` names `{}`, which is not a dimension of the base",
        "`add` nêu `{0}`, không phải lĩnh vực của bộ gốc",
    ),
    (
        "`extends: {}` names neither a rubric file nor a shipped rubric",
        "`extends: {0}` không phải tệp bộ tiêu chí hay bộ tiêu chí cài sẵn",
    ),
    (
        "`extends` names a shipped rubric id or a path",
        "`extends` nêu mã bộ tiêu chí cài sẵn hoặc một đường dẫn",
    ),
    (
        "`override` maps dimension or criterion ids to the keys they replace",
        "`override` gán mã lĩnh vực hoặc tiêu chí với các khóa được thay thế",
    ),
    (
        "`override` names `{}`, which is neither a dimension nor a criterion of the base",
        "`override` nêu `{0}`, không phải lĩnh vực hay tiêu chí của bộ gốc",
    ),
    (
        "`remove` is a list of dimension or criterion ids",
        "`remove` là danh sách mã lĩnh vực hoặc tiêu chí",
    ),
    ("`remove` lists ids", "`remove` liệt kê các mã"),
    (
        "`remove` names `{}`, which is neither a dimension nor a criterion of the base",
        "`remove` nêu `{0}`, không phải lĩnh vực hay tiêu chí của bộ gốc",
    ),
    (
        "`{}` cannot be removed: the `applies_when` of `{}` reads it",
        "không xóa được `{0}`: `applies_when` của `{1}` dựa vào nó",
    ),
    (
        "`{}` is itself an overlay; extend its base instead",
        "`{0}` cũng là một bộ tiêu chí bổ sung; hãy mở rộng bộ gốc của nó",
    ),
    (
        "an overlay changes dimensions with `override`, `add` and `remove`, not `dimensions`",
        "bộ tiêu chí bổ sung thay đổi lĩnh vực bằng `override`, `add` và `remove`, không dùng `dimensions`",
    ),
    (
        "override of `{}` cannot replace `{}`; remove and add instead",
        "`override` của `{0}` không thay được `{1}`; hãy xóa rồi thêm",
    ),
    (
        "override of `{}` must be a mapping of keys",
        "`override` của `{0}` phải là ánh xạ các khóa",
    ),
    ("'{}' not a valid regex:\n{}", "'{0}' không phải biểu thức chính quy hợp lệ:\n{1}"),
    ("`bands` belong to the points method", "`bands` chỉ dùng cho phương pháp chấm điểm"),
    (
        "`scoring.rated: mean` has no effect: only the rated method uses it",
        "`scoring.rated: mean` không có tác dụng: chỉ phương pháp chấm theo mức dùng thiết lập này",
    ),
    ("add at least one criterion at level {}", "thêm ít nhất một tiêu chí ở mức {0}"),
    (
        "check uses collection `{}`, which the rubric's inventory does not declare",
        "phép kiểm tra dùng danh mục `{0}`, không được khai báo trong `inventory` của bộ tiêu chí",
    ),
    (
        "criterion `{}` has both a `check` and a question; a criterion is one or the other",
        "tiêu chí `{0}` có cả `check` và câu hỏi; mỗi tiêu chí chỉ là một trong hai",
    ),
    ("criterion `{}` needs a weight above 0", "tiêu chí `{0}` cần trọng số lớn hơn 0"),
    ("criterion `{}` needs an `action`", "tiêu chí `{0}` cần `action` (việc cần làm)"),
    (
        "criterion `{}` needs either a `question` with an `answer` type, or a `check`",
        "tiêu chí `{0}` cần `question` kèm kiểu `answer`, hoặc `check`",
    ),
    (
        "criterion `{}`: `evidence` and `allow_na` belong to question criteria",
        "tiêu chí `{0}`: `evidence` và `allow_na` chỉ dùng cho tiêu chí dạng câu hỏi",
    ),
    (
        "criterion `{}`: `pass`/`partial` only apply to percent and number answers",
        "tiêu chí `{0}`: `pass`/`partial` chỉ áp dụng cho câu trả lời dạng phần trăm và số",
    ),
    (
        "criterion `{}`: `statements` only apply to level answers",
        "tiêu chí `{0}`: `statements` chỉ áp dụng cho câu trả lời dạng mức",
    ),
    (
        "criterion `{}`: `verify` belongs to question criteria; a check verifies itself",
        "tiêu chí `{0}`: `verify` chỉ dùng cho tiêu chí dạng câu hỏi; phép kiểm tra tự đối chiếu",
    ),
    (
        "criterion `{}`: a choice answer needs `options`",
        "tiêu chí `{0}`: câu trả lời lựa chọn cần `options`",
    ),
    (
        "criterion `{}`: a statement for level {}, which is not a level 1-5",
        "tiêu chí `{0}`: có mô tả cho mức {1}, không phải mức từ 1 đến 5",
    ),
    (
        "criterion `{}`: a {} answer needs `pass`",
        "tiêu chí `{0}`: câu trả lời dạng {1} cần `pass`",
    ),
    (
        "criterion `{}`: level answers belong to the rated method, not {}",
        "tiêu chí `{0}`: câu trả lời dạng mức chỉ dùng cho phương pháp chấm theo mức, không dùng cho {1}",
    ),
    (
        "criterion `{}`: option `{}` has credit {}, outside 0-1",
        "tiêu chí `{0}`: phương án `{1}` có mức tính điểm {2}, ngoài khoảng 0-1",
    ),
    (
        "criterion `{}`: option `{}` is listed twice",
        "tiêu chí `{0}`: phương án `{1}` được liệt kê hai lần",
    ),
    (
        "criterion `{}`: partial ({}) must not exceed pass ({})",
        "tiêu chí `{0}`: partial ({1}) không được lớn hơn pass ({2})",
    ),
    (
        "criterion `{}`: pass {} is not a percentage 0-100",
        "tiêu chí `{0}`: pass {1} không phải tỷ lệ phần trăm từ 0 đến 100",
    ),
    (
        "criterion id `{}` must be non-empty without spaces",
        "mã tiêu chí `{0}` không được để trống và không có dấu cách",
    ),
    (
        "default_target `{}` is not a declared target",
        "default_target `{0}` không phải mục tiêu đã khai báo",
    ),
    ("dimension `{}` has no criteria", "lĩnh vực `{0}` không có tiêu chí"),
    (
        "dimension `{}` has no criteria at level {}, so every agency passes that level",
        "lĩnh vực `{0}` không có tiêu chí ở mức {1}, nên mọi cơ quan đều đạt mức đó",
    ),
    ("dimension `{}` needs a weight above 0", "lĩnh vực `{0}` cần trọng số lớn hơn 0"),
    ("enum field `{}` needs `values`", "trường enum `{0}` cần `values`"),
    (
        "field `{}` labels `{}`, which is not one of its values",
        "trường `{0}` có nhãn cho `{1}`, không phải một trong các giá trị của trường",
    ),
    (
        "field `{}` has `of` but is not a list",
        "trường `{0}` có `of` nhưng không phải danh sách",
    ),
    (
        "field `{}` has `values` but is not an enum",
        "trường `{0}` có `values` nhưng không phải enum",
    ),
    (
        "field `{}` has min/max but is not a number",
        "trường `{0}` có min/max nhưng không phải số",
    ),
    (
        "field `{}` refers to `{}`, which is not a collection",
        "trường `{0}` tham chiếu đến `{1}`, không phải danh mục",
    ),
    (
        "key `{}` of collection `{}` is not one of its fields",
        "khóa `{0}` của danh mục `{1}` không phải trường của danh mục",
    ),
    (
        "level_threshold must be above 0 and at most 1",
        "level_threshold phải lớn hơn 0 và không quá 1",
    ),
    (
        "levels must be exactly 1, 2, 3, 4, 5 in order; found {}",
        "các mức phải đúng là 1, 2, 3, 4, 5 theo thứ tự; đang là {0}",
    ),
    (
        "list field `{}` must hold scalars (string, integer, number, boolean, date)",
        "trường danh sách `{0}` phải chứa giá trị đơn (chuỗi, số nguyên, số, đúng/sai, ngày)",
    ),
    ("min_ratio {} must be between 0 and 1", "min_ratio {0} phải từ 0 đến 1"),
    (
        "only string and list fields may have refers_to (`{}` is {})",
        "chỉ trường chuỗi và danh sách mới có refers_to (`{0}` là {1})",
    ),
    ("partial_credit must be between 0 and 1", "partial_credit phải từ 0 đến 1"),
    (
        "portfolio goal {}: {} needs a level 1-5 and a share between 0 and 1",
        "mục tiêu chung {0}: {1} cần mức từ 1 đến 5 và tỷ lệ từ 0 đến 1",
    ),
    (
        "remove `rated:`, or set `scoring.method: rated`",
        "xóa `rated:`, hoặc đặt `scoring.method: rated`",
    ),
    (
        "rule `{}` is declared twice in `{}`",
        "quy tắc `{0}` được khai báo hai lần trong `{1}`",
    ),
    (
        "target `{}` is due `{}`, which is not a date",
        "mục tiêu `{0}` có hạn `{1}`, không phải ngày",
    ),
    ("{} `{}` is declared twice", "{0} `{1}` được khai báo hai lần"),
    ("{} id `{}` must match [a-z0-9-]+", "mã {0} `{1}` phải khớp [a-z0-9-]+"),
    (
        "remove `level:` and give the criterion `points:`",
        "xóa `level:` và cho tiêu chí `points:`",
    ),
    (
        "remove `level:`; answer the criterion with {}",
        "xóa `level:`; trả lời tiêu chí bằng {0}",
    ),
    (
        "remove `points:`, or set `scoring.method: points`",
        "xóa `points:`, hoặc đặt `scoring.method: points`",
    ),
    ("remove the level-1 band, or write {}", "xóa ngưỡng của mức 1, hoặc ghi {0}"),
    (
        "write shares as fractions: 0.75, not 75",
        "ghi tỷ lệ dưới dạng phân số thập phân: 0.75, không phải 75",
    ),
    (
        "a higher level must need a larger share of the points",
        "mức cao hơn phải cần tỷ lệ điểm lớn hơn",
    ),
    ("add e.g. `points: 10`", "thêm, ví dụ `points: 10`"),
    ("e.g. bands: [{}, {}, {}, {}]", "ví dụ bands: [{0}, {1}, {2}, {3}]"),
    // Expressions.
    ("expression is empty", "biểu thức để trống"),
    (
        "expression is {} bytes long, over the {}-byte limit",
        "biểu thức dài {0} byte, vượt giới hạn {1} byte",
    ),
    (
        "expression nests brackets {} deep, over the limit of {}",
        "biểu thức lồng ngoặc {0} tầng, vượt giới hạn {1}",
    ),
    (
        "expression uses `{}`, which is not a declared field of this collection",
        "biểu thức dùng `{0}`, không phải trường đã khai báo của danh mục này",
    ),
    ("invalid CEL expression: {}", "biểu thức CEL không hợp lệ: {0}"),
    (
        "see https://cel.dev for the expression syntax",
        "xem cú pháp biểu thức tại https://cel.dev",
    ),
    (
        "split the condition into several rules or criteria",
        "tách điều kiện thành nhiều quy tắc hoặc tiêu chí",
    ),
    ("the expression is nested too deeply ({})", "biểu thức lồng nhau quá sâu ({0})"),
    ("declared fields: {}", "các trường đã khai báo: {0}"),
];
