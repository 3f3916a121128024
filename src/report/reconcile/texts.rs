//! The fixed texts of reconciliation reports and verified batches, in English and Vietnamese
//! (reached through [`crate::report::i18n::Texts::reconcile`]).

/// Every fixed text of a reconciliation, once per language.
#[derive(Debug, serde::Serialize)]
pub struct ReconcileTexts {
    /// Title of the report.
    pub title: &'static str,
    /// "Self-assessment"
    pub own: &'static str,
    /// "Verified"
    pub verified: &'static str,
    /// "Agency"
    pub agency_side: &'static str,
    /// "Inspector"
    pub inspector: &'static str,
    /// "Inspected on"
    pub inspected_on: &'static str,
    /// "Over-claim" (levels)
    pub overclaim: &'static str,
    /// "Agreement"
    pub agreement: &'static str,
    /// "Agency vs inspector": the heading of a disagreement's direction
    pub direction: &'static str,
    /// "Cohen's kappa"
    pub kappa: &'static str,
    /// How agreement and kappa are computed, for readers.
    pub kappa_rule: &'static str,
    /// Kappa when p_e = 1 or nothing was compared.
    pub kappa_undefined: &'static str,
    /// "criteria assessed by the inspector"
    pub compared: &'static str,
    /// "in the same category"
    pub agree: &'static str,
    /// "criteria not verified: the agency's answer is kept"
    pub unverified: &'static str,
    /// "Disagreements"
    pub disagreements: &'static str,
    /// No criterion differs.
    pub no_disagreements: &'static str,
    /// The agency claimed more credit.
    pub over: &'static str,
    /// The agency claimed less credit.
    pub under: &'static str,
    /// Same credit, another answer or status.
    pub same_credit: &'static str,
    /// "not answered"
    pub not_answered: &'static str,
    /// A disagreement the inspector did not answer: the agency's answer on the inspector's inventory.
    pub not_inspected: &'static str,
    /// "Verified level" (batch)
    pub verified_level: &'static str,
    /// "Verification" (batch section)
    pub verification: &'static str,
    /// "agencies verified"
    pub agencies_verified: &'static str,
    /// "over-claimed"
    pub overclaimed: &'static str,
    /// The batch's shares use verified levels where they exist.
    pub shares_on_verified: &'static str,
}

/// English.
pub static EN: ReconcileTexts = ReconcileTexts {
    title: "Self-assessment and inspection compared",
    own: "Self-assessment",
    verified: "Verified",
    agency_side: "Agency",
    inspector: "Inspector",
    inspected_on: "Inspected on",
    overclaim: "Over-claim",
    agreement: "Agreement",
    direction: "Agency vs inspector",
    kappa: "Cohen's kappa",
    kappa_rule: "Agreement and Cohen's kappa are over the criteria the inspector assessed, each placed in one of four categories by its status: met, partial, not met (no credit: not met, unanswered, evidence missing or stale, contradicted) and not applicable.",
    kappa_undefined: "undefined (every criterion in one category on both sides)",
    compared: "criteria assessed by the inspector",
    agree: "in the same category",
    unverified: "criteria not verified: the agency's answer is kept",
    disagreements: "Disagreements",
    no_disagreements: "None: the inspector's results match the agency's.",
    over: "over-claimed",
    under: "under-claimed",
    same_credit: "same credit",
    not_answered: "not answered",
    not_inspected: "not answered by the inspector: the agency's answer, on the inspector's inventory",
    verified_level: "Verified",
    verification: "Verification by inspectors",
    agencies_verified: "agencies verified",
    overclaimed: "Over-claimed",
    shares_on_verified: "The shares, targets and distribution use the verified level of each agency an inspector verified, and the self-assessed level of the others.",
};

/// Vietnamese.
pub static VI: ReconcileTexts = ReconcileTexts {
    title: "Đối chiếu kết quả tự đánh giá và kiểm tra",
    own: "Tự đánh giá",
    verified: "Sau kiểm tra",
    agency_side: "Cơ quan",
    inspector: "Đoàn kiểm tra",
    inspected_on: "Ngày kiểm tra",
    overclaim: "Chênh lệch mức",
    agreement: "Mức độ thống nhất",
    direction: "So với kết quả kiểm tra",
    kappa: "Hệ số kappa (Cohen)",
    kappa_rule: "Mức độ thống nhất và hệ số kappa được tính trên các tiêu chí đoàn kiểm tra đã đánh giá, mỗi tiêu chí được xếp vào một trong bốn nhóm theo trạng thái: đạt, đạt một phần, chưa đạt (không được tính điểm: chưa đạt, chưa trả lời, thiếu minh chứng hoặc minh chứng quá hạn, mâu thuẫn với danh mục) và không áp dụng.",
    kappa_undefined: "không xác định (cả hai bên xếp mọi tiêu chí vào cùng một nhóm)",
    compared: "tiêu chí đoàn kiểm tra đã đánh giá",
    agree: "cùng nhóm",
    unverified: "tiêu chí chưa được kiểm tra: giữ câu trả lời của cơ quan",
    disagreements: "Các tiêu chí có kết quả khác nhau",
    no_disagreements: "Không có: kết quả kiểm tra khớp với kết quả tự đánh giá.",
    over: "tự đánh giá cao hơn kết quả kiểm tra",
    under: "tự đánh giá thấp hơn kết quả kiểm tra",
    same_credit: "cùng số điểm",
    not_answered: "không trả lời",
    not_inspected: "đoàn kiểm tra không trả lời: giữ câu trả lời của cơ quan, đối chiếu với danh mục của đoàn kiểm tra",
    verified_level: "Mức sau kiểm tra",
    verification: "Kết quả kiểm tra",
    agencies_verified: "cơ quan được kiểm tra",
    overclaimed: "Tự đánh giá cao hơn",
    shares_on_verified: "Tỷ lệ, mục tiêu và phân bố dùng mức sau kiểm tra đối với cơ quan đã được kiểm tra, và mức tự đánh giá đối với các cơ quan còn lại.",
};
