//! Templates of batch notes, the errors that stop a run, and comparisons.

/// (English template, Vietnamese template).
pub(super) const ALL: &[(&str, &str)] = &[
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
