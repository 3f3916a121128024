//! Templates of the findings about inputs: files, YAML, questionnaires, inventories, tables,
//! workbooks, waivers and the batch's folders.

/// (English template, Vietnamese template).
pub(super) const ALL: &[(&str, &str)] = &[
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
    ("unclosed quote", "thiếu dấu đóng ngoặc kép"),
    (
        "while parsing a block mapping, did not find expected key",
        "khi đọc một ánh xạ, không tìm thấy khóa như mong đợi (kiểm tra thụt lề)",
    ),
    (
        "mapping values are not allowed in this context",
        "không được đặt giá trị ánh xạ (dấu hai chấm) ở vị trí này",
    ),
    (
        "while scanning a plain scalar, found a tab",
        "gặp ký tự tab khi đọc một giá trị; YAML dùng dấu cách để thụt lề",
    ),
    (
        "found a tab character that violates indentation",
        "ký tự tab làm sai thụt lề; YAML dùng dấu cách để thụt lề",
    ),
    ("did not find expected node content", "không tìm thấy nội dung như mong đợi"),
    (
        "while parsing a flow sequence, expected ',' or ']'",
        "khi đọc một danh sách, cần ',' hoặc ']'",
    ),
    (
        "while parsing a flow mapping, did not find expected ',' or '}'",
        "khi đọc một ánh xạ, không tìm thấy ',' hoặc '}' như mong đợi",
    ),
    (
        "while parsing a block collection, did not find expected '-' indicator",
        "khi đọc một danh sách, không tìm thấy dấu '-' như mong đợi (kiểm tra thụt lề)",
    ),
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
];
