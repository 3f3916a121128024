//! Safe file names for agencies: sanitised ids that stay inside the output directory.

/// Names Windows reserves whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4",
    "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The longest file stem used for an agency.
const MAX_STEM: usize = 80;

/// A file stem for an agency id that is safe on every file system: only ASCII letters, digits,
/// `-` and `_`; no leading dot; not a reserved device name; at most 80 characters (a long id
/// keeps a hash of the whole so that two long ids stay distinct).
pub fn sanitize(id: &str) -> String {
    let mut stem: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        stem = "agency".into();
    }
    if stem.len() > MAX_STEM {
        let hash = crate::load::rubric::hex(&sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(
            id.as_bytes(),
        )))[..12]
            .to_string();
        stem = format!("{}-{hash}", &stem[..MAX_STEM - 13]);
    }
    if RESERVED.contains(&stem.to_ascii_lowercase().as_str()) {
        stem = format!("_{stem}");
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_ids_become_safe_names() {
        assert_eq!(sanitize("../../etc/x"), "etc-x");
        assert_eq!(sanitize("CON"), "_CON");
        assert_eq!(sanitize("bộ-y-tế"), "b--y-t");
        assert_eq!(sanitize(""), "agency");
        let long = "a".repeat(10_000);
        let stem = sanitize(&long);
        assert_eq!(stem.len(), MAX_STEM);
        assert_ne!(stem, sanitize(&format!("{long}b")));
    }
}
