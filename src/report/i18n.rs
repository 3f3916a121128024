//! Fixed texts of the reports in English and Vietnamese.

/// The text of `key` in `lang` (English for any language without a translation).
pub fn t(lang: &str, key: &'static str) -> &'static str {
    let vi = lang == "vi";
    match key {
        "dimension" if vi => "Lĩnh vực",
        "level" if vi => "Mức",
        "index" if vi => "Chỉ số",
        "target" if vi => "Mục tiêu",
        "gaps" if vi => "Chưa đạt",
        "overall" if vi => "Tổng thể",
        "met" if vi => "đạt",
        "not met" if vi => "chưa đạt",
        "gap report" if vi => "Các tiêu chí chưa đạt so với mục tiêu",
        "action" if vi => "Việc cần làm",
        "records" if vi => "Bản ghi",
        "findings" if vi => "Phát hiện",
        "no gaps" if vi => "Không có tiêu chí nào chưa đạt: đã đạt mục tiêu.",
        "and more" if vi => "và còn",
        "agency" if vi => "Cơ quan",
        "assessed on" if vi => "Ngày đánh giá",
        "rubric" if vi => "Bộ tiêu chí",
        "dimension" => "Dimension",
        "level" => "Level",
        "index" => "Index",
        "target" => "Target",
        "gaps" => "Gaps",
        "overall" => "Overall",
        "gap report" => "Gaps to the target",
        "action" => "Action",
        "records" => "Records",
        "findings" => "Findings",
        "no gaps" => "No gaps: the target is met.",
        "agency" => "Agency",
        "assessed on" => "Assessed on",
        "rubric" => "Rubric",
        other => other,
    }
}

/// The display name of a status in `lang`.
pub fn status(lang: &str, s: crate::assess::Status) -> &'static str {
    use crate::assess::Status::*;
    if lang != "vi" {
        return match s {
            Met => "met",
            Partial => "partial",
            NotMet => "not met",
            Unanswered => "unanswered",
            EvidenceMissing => "evidence missing",
            EvidenceStale => "evidence stale",
            Contradicted => "contradicted",
            NotApplicable => "not applicable",
        };
    }
    match s {
        Met => "đạt",
        Partial => "đạt một phần",
        NotMet => "chưa đạt",
        Unanswered => "chưa trả lời",
        EvidenceMissing => "thiếu minh chứng",
        EvidenceStale => "minh chứng quá hạn",
        Contradicted => "mâu thuẫn với danh mục",
        NotApplicable => "không áp dụng",
    }
}
