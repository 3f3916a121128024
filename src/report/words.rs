//! The terminal's words: diagnostics labels, the lines commands write on stderr, `check`'s
//! count line, `diff`'s headings and statuses. One [`Words`] per language, like the reports'
//! [`Texts`](crate::report::i18n::Texts): a line missing from one language is a compile error.

use crate::lang::Lang;

/// Every fixed line or word dgmat writes on a terminal outside the reports.
pub struct Words {
    /// A finding's severity, as its diagnostic starts: `error[rule]: ...`.
    pub error: &'static str,
    /// "warning"
    pub warning: &'static str,
    /// The label of a diagnostic's notes (related records, waivers).
    pub note: &'static str,
    /// The label of a diagnostic's help line.
    pub help: &'static str,
    /// Before the places a finding cites, on one line: "see: systems s2 (inventory.yaml:6)".
    pub see: &'static str,
    /// "and 3 more" (related places not listed).
    pub and_more: fn(usize) -> String,
    /// Findings past the display cap: (not shown, errors, warnings).
    pub not_shown: fn(usize, usize, usize) -> String,
    /// How to see every finding, after [`Words::not_shown`].
    pub json_lists_all: &'static str,
    /// A waived finding's note: (expires, reason, approved by, `, ref` or nothing).
    pub waived_until: fn(&str, &str, &str, &str) -> String,
    /// `check`'s count line: (errors, warnings, waived, files, submissions).
    pub check_summary: fn(usize, usize, usize, usize, usize) -> String,
    /// A count of findings: (errors, warnings).
    pub finding_counts: fn(usize, usize) -> String,
    /// "gate failed"
    pub gate_failed: &'static str,
    /// A maturity gate's failure: (level, required, the dimensions below it).
    pub below_required: fn(u8, u8, &str) -> String,
    /// A dimension below a gate, in its list: (id, level).
    pub dimension_at: fn(&str, u8) -> String,
    /// "wrote FILE"
    pub wrote: fn(&str) -> String,
    /// `report` without `-o` on a terminal: the file it wrote.
    pub wrote_named: fn(&str) -> String,
    /// `assess`' summary line: (agency, level, index, target level, met).
    pub assess_summary: fn(&str, u8, &str, u8, bool) -> String,
    /// `assess --fail-below`: (level, required, the dimensions below it).
    pub gate_below: fn(u8, u8, &str) -> String,
    /// `schema --write` and `man --dir`: (files, what they are, folder).
    pub wrote_into: fn(usize, bool, &str) -> String,
    /// `init`'s next step, for the folder written.
    pub init_next: fn(&str) -> String,
    /// `init`'s hint for editors: the command that writes the schemas.
    pub init_schemas: fn(&str) -> String,
    /// `rubric lint` on a valid rubric: (rubric, dimensions, criteria, collections, warnings).
    pub lint_ok: fn(&str, usize, usize, usize, usize) -> String,
    /// `rubric lint` on an invalid rubric: (rubric, errors, warnings).
    pub lint_failed: fn(&str, usize, usize) -> String,
    /// "warning: ..." before a command's warning line.
    pub warning_line: fn(&str) -> String,
    /// The batch's progress bar, an indicatif template.
    pub progress_bar: &'static str,
    /// `batch --no-waivers`.
    pub batch_no_waivers: &'static str,
    /// A path the batch skipped.
    pub batch_skipped: fn(&str) -> String,
    /// Warnings past the display cap.
    pub batch_more_warnings: fn(usize) -> String,
    /// A round stored in the database: (replaced, round, submissions, database).
    pub batch_stored: fn(bool, &str, usize, &str) -> String,
    /// An invalid submission: (path, error).
    pub batch_invalid: fn(&str, &str) -> String,
    /// Invalid submissions past the display cap.
    pub batch_more_invalid: fn(usize) -> String,
    /// The batch's last line: (folder, seconds).
    pub batch_wrote: fn(&str, &str) -> String,
    /// A note before the batch starts (a stale lock, say).
    pub note_line: fn(&str) -> String,
    /// The batch summary's first line: (round, date).
    pub batch_round: fn(&str, &str) -> String,
    /// (submissions, assessed, invalid, below the gate).
    pub batch_submissions: fn(usize, usize, usize, usize) -> String,
    /// (counted, superseded, in conflict, stale, incomplete).
    pub batch_counted: fn(usize, usize, usize, usize, usize) -> String,
    /// The label of the distribution of overall levels, padded.
    pub batch_levels: &'static str,
    /// The summary's line in place of the overall levels, for a rubric without one.
    pub batch_no_overall: &'static str,
    /// The tier of agencies that name none, in the batch summary: "unknown"
    pub tier_unknown: &'static str,
    /// The label of the shares at or above each level, padded.
    pub batch_at_or_above: &'static str,
    /// A tier's shares line ends with its count of submissions.
    pub batch_tier_count: fn(usize) -> String,
    /// A target's line: (id, level, due or "", met, counted, share).
    pub batch_target: fn(&str, u8, &str, usize, usize, &str) -> String,
    /// The portfolio goals of a target: (met, goals).
    pub batch_portfolio: fn(bool, &str) -> String,
    /// One portfolio goal: (level, actual share, required share).
    pub batch_goal: fn(u8, &str, &str) -> String,
    /// The verification line: (verified, counted, inspections, over-claimed, share, under-claimed, kappa, criteria).
    pub batch_verified: fn(usize, usize, usize, usize, &str, usize, &str, u64) -> String,
    /// The label of the over-claims by dimension, padded.
    pub batch_overclaimed: &'static str,
    /// Inspections not used: (unmatched, sharing an agency, unusable).
    pub batch_not_used: fn(usize, usize, usize) -> String,
    /// `progress`: a target's projection: (target, share, due, on track or not).
    pub progress_target: fn(&str, &str, &str, Option<bool>) -> String,
    /// `publish`: (groups, suppressed, least group, folder).
    pub published: fn(usize, usize, usize, &str) -> String,
    /// `reconcile`: (agency, own level, verified level, agree, inspected, kappa, disagreements).
    pub reconciled: fn(&str, u8, u8, u64, u64, &str, usize) -> String,
    /// `diff`'s summary line: (agency, old level, new level, old index, new index, newly met,
    /// newly failing).
    pub diff_summary: fn(&str, u8, u8, &str, &str, usize, usize) -> String,
    /// `diff --fail-on-regression`: what got worse.
    pub regression: fn(&str) -> String,
    /// `diff`: the two sides' labels.
    pub old: &'static str,
    /// "New"
    pub new: &'static str,
    /// "level" (lower case, inside a line)
    pub level: &'static str,
    /// "index"
    pub index: &'static str,
    /// The columns of `diff`'s level table.
    pub diff_columns: [&'static str; 5],
    /// "Newly met"
    pub newly_met: &'static str,
    /// "Newly failing"
    pub newly_failing: &'static str,
    /// "Gaps closed"
    pub gaps_closed: &'static str,
    /// "Gaps opened"
    pub gaps_opened: &'static str,
    /// An empty list on the terminal.
    pub none: &'static str,
    /// An empty list in Markdown.
    pub none_sentence: &'static str,
    /// A dimension only the new side has.
    pub added: &'static str,
    /// A dimension only the old side has.
    pub removed: &'static str,
    /// The Markdown title, before the agency.
    pub progress_title: &'static str,
    /// The Markdown table's columns of the two sides.
    pub sides_columns: [&'static str; 5],
    /// "Warning" (Markdown call-out)
    pub warning_title: &'static str,
    /// "Levels" (Markdown heading)
    pub levels: &'static str,
    /// "Overall"
    pub overall: &'static str,
}

/// English.
pub const EN: Words = Words {
    error: "error",
    warning: "warning",
    note: "note",
    help: "help",
    see: "see",
    and_more: |n| format!("and {n} more"),
    not_shown: |n, e, w| format!("… and {n} more finding(s) not shown ({e} error(s), {w} warning(s))"),
    json_lists_all: "`dgmat check --format json` lists them all",
    waived_until: |until, reason, by, reference| format!("waived until {until}: {reason} (approved by {by}{reference})"),
    check_summary: |e, w, waived, files, subs| {
        let waived = if waived == 0 { String::new() } else { format!(", {waived} waived") };
        format!("{e} error(s), {w} warning(s){waived} in {files} file(s) of {subs} submission(s)")
    },
    finding_counts: |e, w| format!("{e} error(s), {w} warning(s)"),
    gate_failed: "gate failed",
    below_required: |level, min, dims| format!("overall level {level} is below the required {min} ({dims})"),
    dimension_at: |id, level| format!("{id} at {level}"),
    wrote: |p| format!("wrote {p}"),
    wrote_named: |p| format!("wrote {p} (-o FILE names the file)"),
    assess_summary: |agency, level, index, target, met| {
        let met = if met { "met" } else { "not met" };
        format!("{agency}: level {level} (index {index}), target {target} {met}")
    },
    gate_below: |level, min, dims| format!("gate failed: overall level {level} is below {min} ({dims})"),
    wrote_into: |n, schemas, dir| format!("wrote {n} {} into {dir}", if schemas { "schema(s)" } else { "man page(s)" }),
    init_next: |dir| format!("next: fill them in, then run `dgmat check {dir}` and `dgmat assess {dir}`"),
    init_schemas: |cmd| format!("editors validate as you type once the schemas exist: {cmd}"),
    lint_ok: |spec, d, c, coll, w| format!("{spec}: ok ({d} dimensions, {c} criteria, {coll} collections); {w} warning(s)"),
    lint_failed: |spec, e, w| format!("{spec}: {e} error(s), {w} warning(s)"),
    warning_line: |w| format!("warning: {w}"),
    progress_bar: "{bar:40} {pos}/{len} agencies  {per_sec}  ETA {eta}",
    batch_no_waivers: "note: waivers ignored (--no-waivers): every agency is evaluated as if none had been granted",
    batch_skipped: |p| format!("warning: skipped {p}"),
    batch_more_warnings: |n| format!("… and {n} more warnings (see summary.json)"),
    batch_stored: |replaced, round, n, db| {
        let done = if replaced { "replaced" } else { "appended" };
        format!("{done} round {round} ({n} submissions) in {db}")
    },
    batch_invalid: |path, error| format!("invalid: {path}: {error}"),
    batch_more_invalid: |n| format!("… and {n} more invalid submissions (see summary.csv)"),
    batch_wrote: |dir, secs| format!("wrote {dir} in {secs} s"),
    note_line: |n| format!("note: {n}"),
    batch_round: |name, date| format!("round {name} as of {date}"),
    batch_submissions: |n, assessed, invalid, below| {
        format!("{n} submissions: {assessed} assessed, {invalid} invalid, {below} below the --fail-below gate")
    },
    batch_counted: |counted, superseded, conflict, stale, incomplete| {
        format!(
            "{counted} agencies counted; not counted: {superseded} superseded, {conflict} in conflict, {stale} stale; {incomplete} incomplete"
        )
    },
    batch_levels: "overall levels     ",
    batch_no_overall: "no overall level under this rubric: a target counts the agencies with every dimension at its level",
    tier_unknown: "unknown",
    batch_at_or_above: "at or above        ",
    batch_tier_count: |n| format!("({n} submissions)"),
    batch_target: |id, level, due, met, counted, share| {
        let due = if due.is_empty() { String::new() } else { format!(", due {due}") };
        format!("target {id} (level {level}{due}): {met} of {counted} ({share})")
    },
    batch_portfolio: |met, goals| format!("; portfolio {}: {goals}", if met { "met" } else { "not met" }),
    batch_goal: |level, actual, required| format!("≥{level} {actual} of {required} needed"),
    batch_verified: |agencies, counted, inspections, over, share, under, kappa, criteria| {
        format!(
            "verified           {agencies} of {counted} agencies ({inspections} inspections): {over} over-claimed ({share}), {under} under-claimed; kappa {kappa} over {criteria} criteria"
        )
    },
    batch_overclaimed: "  over-claimed     ",
    batch_not_used: |unmatched, ambiguous, invalid| {
        format!("  not used         {unmatched} unmatched, {ambiguous} sharing an agency, {invalid} unusable")
    },
    progress_target: |id, share, due, on| {
        let on = match on {
            Some(true) => "on track",
            Some(false) => "off track",
            None => "no due date",
        };
        format!("target {id}: projected {share} by {due}: {on}")
    },
    published: |groups, suppressed, k, dir| {
        format!("wrote {groups} groups ({suppressed} suppressed, fewer than {k} agencies or complementary) into {dir}")
    },
    reconciled: |agency, own, verified, agree, all, kappa, n| {
        format!(
            "{agency}: self-assessed level {own}, verified level {verified}; {agree} of {all} inspected criteria agree, kappa {kappa}; {n} disagreement(s)"
        )
    },
    diff_summary: |agency, old, new, old_index, new_index, met, failing| {
        format!("{agency}: level {old} → {new}, index {old_index} → {new_index}; {met} newly met, {failing} newly failing")
    },
    regression: |what| format!("regression: {what}"),
    old: "Old",
    new: "New",
    level: "level",
    index: "index",
    diff_columns: ["Dimension", "Level", "Change", "Index", "Change"],
    newly_met: "Newly met",
    newly_failing: "Newly failing",
    gaps_closed: "Gaps closed",
    gaps_opened: "Gaps opened",
    none: "  none",
    none_sentence: "None.",
    added: "new",
    removed: "removed",
    progress_title: "Maturity progress",
    sides_columns: ["source", "rubric", "assessed on", "level", "index"],
    warning_title: "Warning",
    levels: "Levels",
    overall: "Overall",
};

/// Vietnamese.
pub const VI: Words = Words {
    error: "lỗi",
    warning: "cảnh báo",
    note: "ghi chú",
    help: "gợi ý",
    see: "xem",
    and_more: |n| format!("và {n} mục khác"),
    not_shown: |n, e, w| format!("… và {n} phát hiện khác không hiển thị ({e} lỗi, {w} cảnh báo)"),
    json_lists_all: "`dgmat check --format json` liệt kê đầy đủ",
    waived_until: |until, reason, by, reference| format!("được miễn trừ đến {until}: {reason} (người phê duyệt: {by}{reference})"),
    check_summary: |e, w, waived, files, subs| {
        let waived = if waived == 0 {
            String::new()
        } else {
            format!(", {waived} được miễn trừ")
        };
        format!("{e} lỗi, {w} cảnh báo{waived} trong {files} tệp của {subs} bộ hồ sơ")
    },
    finding_counts: |e, w| format!("{e} lỗi, {w} cảnh báo"),
    gate_failed: "không đạt ngưỡng",
    below_required: |level, min, dims| format!("mức tổng thể {level} thấp hơn mức yêu cầu {min} ({dims})"),
    dimension_at: |id, level| format!("{id} ở mức {level}"),
    wrote: |p| format!("đã ghi {p}"),
    wrote_named: |p| format!("đã ghi {p} (dùng -o TỆP để đặt tên tệp)"),
    assess_summary: |agency, level, index, target, met| {
        let met = if met { "đạt" } else { "chưa đạt" };
        format!("{agency}: mức {level} (chỉ số {index}), mục tiêu mức {target}: {met}")
    },
    gate_below: |level, min, dims| format!("không đạt ngưỡng: mức tổng thể {level} thấp hơn {min} ({dims})"),
    wrote_into: |n, schemas, dir| format!("đã ghi {n} {} vào {dir}", if schemas { "lược đồ" } else { "trang hướng dẫn (man)" }),
    init_next: |dir| format!("bước tiếp theo: điền các tệp, sau đó chạy `dgmat check {dir}` và `dgmat assess {dir}`"),
    init_schemas: |cmd| format!("trình soạn thảo kiểm tra ngay khi gõ sau khi có các lược đồ: {cmd}"),
    lint_ok: |spec, d, c, coll, w| format!("{spec}: hợp lệ ({d} lĩnh vực, {c} tiêu chí, {coll} danh mục); {w} cảnh báo"),
    lint_failed: |spec, e, w| format!("{spec}: {e} lỗi, {w} cảnh báo"),
    warning_line: |w| format!("cảnh báo: {w}"),
    progress_bar: "{bar:40} {pos}/{len} cơ quan  {per_sec}  còn {eta}",
    batch_no_waivers: "ghi chú: bỏ qua miễn trừ (--no-waivers): mọi cơ quan được đánh giá như chưa được miễn trừ",
    batch_skipped: |p| format!("cảnh báo: bỏ qua {p}"),
    batch_more_warnings: |n| format!("… và {n} cảnh báo khác (xem summary.json)"),
    batch_stored: |replaced, round, n, db| {
        let done = if replaced { "đã thay thế" } else { "đã thêm" };
        format!("{done} đợt đánh giá {round} ({n} bộ hồ sơ) vào {db}")
    },
    batch_invalid: |path, error| format!("không hợp lệ: {path}: {error}"),
    batch_more_invalid: |n| format!("… và {n} bộ hồ sơ không hợp lệ khác (xem summary.csv)"),
    batch_wrote: |dir, secs| format!("đã ghi {dir} trong {secs} giây"),
    note_line: |n| format!("ghi chú: {n}"),
    batch_round: |name, date| format!("đợt đánh giá {name}, tính đến ngày {date}"),
    batch_submissions: |n, assessed, invalid, below| {
        format!("{n} bộ hồ sơ: {assessed} đã đánh giá, {invalid} không hợp lệ, {below} dưới ngưỡng --fail-below")
    },
    batch_counted: |counted, superseded, conflict, stale, incomplete| {
        format!(
            "{counted} cơ quan được tính; không tính: {superseded} bị thay thế, {conflict} trùng lặp chưa xử lý, {stale} quá hạn; {incomplete} chưa đầy đủ"
        )
    },
    batch_levels: "mức tổng thể       ",
    batch_no_overall: "bộ tiêu chí này không tính mức tổng thể: mục tiêu được tính theo số cơ quan có mọi lĩnh vực đạt mức của mục tiêu",
    tier_unknown: "chưa rõ cấp",
    batch_at_or_above: "đạt từ mức         ",
    batch_tier_count: |n| format!("({n} bộ hồ sơ)"),
    batch_target: |id, level, due, met, counted, share| {
        let due = if due.is_empty() {
            String::new()
        } else {
            format!(", thời hạn: {due}")
        };
        format!("mục tiêu {id} (mức {level}{due}): {met}/{counted} ({share})")
    },
    batch_portfolio: |met, goals| format!("; mục tiêu chung {}: {goals}", if met { "đạt" } else { "chưa đạt" }),
    batch_goal: |level, actual, required| format!("≥{level}: {actual}, cần {required}"),
    batch_verified: |agencies, counted, inspections, over, share, under, kappa, criteria| {
        format!(
            "đã kiểm tra       {agencies}/{counted} cơ quan ({inspections} lần kiểm tra): {over} tự đánh giá cao hơn kết quả kiểm tra ({share}), {under} thấp hơn; hệ số kappa {kappa} trên {criteria} tiêu chí"
        )
    },
    batch_overclaimed: "  tự đánh giá cao  ",
    batch_not_used: |unmatched, ambiguous, invalid| {
        format!("  không sử dụng    {unmatched} không ghép được, {ambiguous} trùng cơ quan, {invalid} không dùng được")
    },
    progress_target: |id, share, due, on| {
        let on = match on {
            Some(true) => "đúng tiến độ",
            Some(false) => "chậm tiến độ",
            None => "chưa có thời hạn",
        };
        format!("mục tiêu {id}: tỷ lệ dự kiến {share} đến {due}: {on}")
    },
    published: |groups, suppressed, k, dir| {
        format!("đã ghi {groups} nhóm ({suppressed} nhóm bị ẩn vì dưới {k} cơ quan hoặc để tránh suy ra) vào {dir}")
    },
    reconciled: |agency, own, verified, agree, all, kappa, n| {
        format!(
            "{agency}: tự đánh giá mức {own}, sau kiểm tra mức {verified}; {agree}/{all} tiêu chí được kiểm tra thống nhất, hệ số kappa {kappa}; {n} điểm khác biệt"
        )
    },
    diff_summary: |agency, old, new, old_index, new_index, met, failing| {
        format!("{agency}: mức {old} → {new}, chỉ số {old_index} → {new_index}; {met} tiêu chí mới đạt, {failing} tiêu chí không còn đạt")
    },
    regression: |what| format!("giảm mức: {what}"),
    old: "Trước",
    new: "Sau",
    level: "mức",
    index: "chỉ số",
    diff_columns: ["Lĩnh vực", "Mức", "Thay đổi", "Chỉ số", "Thay đổi"],
    newly_met: "Tiêu chí mới đạt",
    newly_failing: "Tiêu chí không còn đạt",
    gaps_closed: "Nội dung chưa đạt đã khắc phục",
    gaps_opened: "Nội dung chưa đạt mới phát sinh",
    none: "  không có",
    none_sentence: "Không có.",
    added: "mới",
    removed: "đã bỏ",
    progress_title: "Tiến bộ về mức độ trưởng thành",
    sides_columns: ["nguồn", "bộ tiêu chí", "ngày đánh giá", "mức", "chỉ số"],
    warning_title: "Cảnh báo",
    levels: "Các mức",
    overall: "Tổng thể",
};

impl Words {
    /// Every word and line, with `◊` for a text and 7 for a number filled in: what tests
    /// search outputs for (an English line in a Vietnamese output is a missing translation).
    pub fn samples(&self) -> Vec<String> {
        const T: &str = "◊";
        let mut out: Vec<String> = [
            self.error,
            self.warning,
            self.note,
            self.help,
            self.see,
            self.json_lists_all,
            self.gate_failed,
            self.batch_no_waivers,
            self.old,
            self.new,
            self.level,
            self.index,
            self.newly_met,
            self.newly_failing,
            self.gaps_closed,
            self.gaps_opened,
            self.none,
            self.none_sentence,
            self.added,
            self.removed,
            self.progress_title,
            self.warning_title,
            self.levels,
            self.overall,
        ]
        .map(str::to_string)
        .to_vec();
        out.extend(self.diff_columns.map(str::to_string));
        out.extend(self.sides_columns.map(str::to_string));
        out.extend([
            (self.and_more)(7),
            (self.not_shown)(7, 7, 7),
            (self.waived_until)(T, T, T, T),
            (self.check_summary)(7, 7, 7, 7, 7),
            (self.finding_counts)(7, 7),
            (self.below_required)(7, 7, T),
            (self.dimension_at)(T, 7),
            (self.wrote)(T),
            (self.wrote_named)(T),
            (self.assess_summary)(T, 7, T, 7, true),
            (self.assess_summary)(T, 7, T, 7, false),
            (self.gate_below)(7, 7, T),
            (self.init_next)(T),
            (self.wrote_into)(7, true, T),
            (self.wrote_into)(7, false, T),
            (self.init_schemas)(T),
            (self.lint_ok)(T, 7, 7, 7, 7),
            (self.lint_failed)(T, 7, 7),
            (self.warning_line)(T),
            (self.batch_skipped)(T),
            (self.batch_more_warnings)(7),
            (self.batch_stored)(true, T, 7, T),
            (self.batch_stored)(false, T, 7, T),
            (self.batch_invalid)(T, T),
            (self.batch_more_invalid)(7),
            (self.batch_wrote)(T, T),
            (self.note_line)(T),
            self.batch_levels.to_string(),
            self.batch_at_or_above.to_string(),
            self.batch_no_overall.to_string(),
            self.tier_unknown.to_string(),
            self.batch_overclaimed.to_string(),
            (self.batch_round)(T, T),
            (self.batch_submissions)(7, 7, 7, 7),
            (self.batch_counted)(7, 7, 7, 7, 7),
            (self.batch_tier_count)(7),
            (self.batch_target)(T, 7, T, 7, 7, T),
            (self.batch_portfolio)(true, T),
            (self.batch_portfolio)(false, T),
            (self.batch_goal)(7, T, T),
            (self.batch_verified)(7, 7, 7, 7, T, 7, T, 7),
            (self.batch_not_used)(7, 7, 7),
            (self.progress_target)(T, T, T, Some(true)),
            (self.progress_target)(T, T, T, Some(false)),
            (self.progress_target)(T, T, T, None),
            (self.published)(7, 7, 7, T),
            (self.reconciled)(T, 7, 7, 7, 7, T, 7),
            (self.diff_summary)(T, 7, 7, T, T, 7, 7),
            (self.regression)(T),
        ]);
        out
    }

    /// The words of a diagnostic.
    pub fn labels(&self) -> crate::source::Labels {
        crate::source::Labels {
            error: self.error,
            warning: self.warning,
            note: self.note,
            help: self.help,
            and_more: self.and_more,
            not_shown: self.not_shown,
            waived_until: self.waived_until,
        }
    }
}

/// Renders `findings` in `lang` (messages through the catalog) with their source lines, then
/// the line counting those past the cap, which ends with `all`.
pub fn render_findings(sources: &crate::source::Sources, findings: &[crate::finding::Finding], all: &str, lang: Lang, out: &mut String) {
    let shown = crate::report::catalog::localized_all(findings, lang);
    sources.render_list(&shown, all, &words(lang).labels(), out);
}

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}

impl Words {
    /// The dimensions below a gate, listed: `GOV at 2, CAT at 2`.
    pub fn dimensions_at(&self, dims: &[(String, u8)]) -> String {
        dims.iter()
            .map(|(id, l)| (self.dimension_at)(id, *l))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
