//! The README lists every rule dgmat reports, from the same table SARIF's rules come from.

use dgmat::rule::Rule;

/// The README's list of rules, as `dgmat::rule` describes them.
fn expected_list() -> String {
    let mut out = String::from("<!-- rules:start (generated from src/rule.rs; a test keeps it current) -->\n");
    for r in Rule::ALL {
        out.push_str(&format!(
            "- <a id=\"rule-{id}\"></a>**`{id}`**: {}. {}\n",
            r.description(),
            r.help(),
            id = r.id()
        ));
    }
    out.push_str("<!-- rules:end -->\n");
    out
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let expected = expected_list();
    assert!(
        readme.contains(&expected),
        "README.md's list of rules is stale; replace it with:\n\n{expected}"
    );
}
