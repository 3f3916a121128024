//! Symbolic links: a batch does not follow a link out of ROOT unless `--follow-links`, and
//! says so in an `invalid` row; `-o` writes through a link to a regular file, keeping its
//! permissions and owner, and refuses devices, FIFOs, folders and links to them.
#![cfg(unix)]

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _, symlink};
use std::path::Path;

use super::{dgmat, mini_batch as batch, mini_submission as submission, stderr};

#[test]
fn links_out_of_root_are_rows_not_followed_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    submission(&root.join("inside"));
    // A sibling folder outside ROOT holding a submission, reached by a link to the folder and
    // by a link to its questionnaire.
    submission(&dir.path().join("sibling"));
    symlink(dir.path().join("sibling"), root.join("via-folder")).unwrap();
    std::fs::create_dir(root.join("via-file")).unwrap();
    symlink(
        dir.path().join("sibling/questionnaire.yaml"),
        root.join("via-file/questionnaire.yaml"),
    )
    .unwrap();
    symlink("/etc", root.join("etc")).unwrap();
    // A link that stays inside ROOT is followed as before.
    symlink(root.join("inside"), root.join("alias")).unwrap();
    let out = dir.path().join("out");
    let o = batch(&root, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    let row = |p: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{p},")))
            .unwrap_or_else(|| panic!("no row {p}: {csv}"))
    };
    for p in ["via-folder", "etc", "via-file"] {
        assert!(
            row(p).contains(",invalid,") && row(p).contains(", outside ROOT (--follow-links"),
            "{csv}"
        );
    }
    assert!(row("via-file").contains("questionnaire.yaml is a symbolic link to"), "{csv}");
    // The same agency twice (inside and its alias): both assessed, in conflict.
    assert!(row("inside").contains(",demo,") && row("alias").contains(",demo,"), "{csv}");
    assert_eq!(
        std::fs::read_dir(out.join("agencies")).unwrap().count(),
        4,
        "two reports, nothing from outside"
    );
    // Asked to, it follows them.
    let o = batch(&root, &out, &["--follow-links"]);
    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(!csv.contains("outside ROOT"), "{csv}");
    assert!(
        csv.lines().any(|l| l.starts_with("via-folder,demo,")) && csv.lines().any(|l| l.starts_with("via-file,demo,")),
        "{}\n{csv}",
        stderr(&o)
    );
}

fn assess_to(path: &Path) -> std::process::Output {
    dgmat()
        .args(["assess", "examples/ministry", "--format", "json", "-o"])
        .arg(path)
        .output()
        .unwrap()
}

#[test]
fn o_writes_through_a_link_and_keeps_permissions_and_owner() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("private/report.json");
    std::fs::create_dir(dir.path().join("private")).unwrap();
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    // As root, give the file another owner: the new report must keep it.
    let root = std::fs::metadata(&real).unwrap().uid() == 0;
    if root {
        std::os::unix::fs::chown(&real, Some(4242), Some(4243)).unwrap();
    }
    let link = dir.path().join("report.json");
    symlink(&real, &link).unwrap();
    let o = assess_to(&link);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink(), "the link stays a link");
    let meta = std::fs::metadata(&real).unwrap();
    assert!(std::fs::read_to_string(&real).unwrap().contains("\"agency\""), "written through");
    assert_eq!(meta.mode() & 0o777, 0o600, "a 0600 report stays 0600");
    if root {
        assert_eq!((meta.uid(), meta.gid()), (4242, 4243), "the owner is kept");
    }
    // A plain 0600 file, written directly.
    let plain = dir.path().join("plain.json");
    std::fs::write(&plain, "old").unwrap();
    std::fs::set_permissions(&plain, std::fs::Permissions::from_mode(0o600)).unwrap();
    assess_to(&plain);
    assert_eq!(std::fs::metadata(&plain).unwrap().mode() & 0o777, 0o600);
    assert!(std::fs::read_to_string(&plain).unwrap().contains("\"agency\""));
}

#[test]
fn o_refuses_devices_fifos_folders_and_links_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let to_null = dir.path().join("null.json");
    symlink("/dev/null", &to_null).unwrap();
    let dangling = dir.path().join("dangling.json");
    symlink(dir.path().join("nowhere/x"), &dangling).unwrap();
    let fifo = dir.path().join("fifo.json");
    let have_fifo = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let mut cases = vec![
        (Path::new("/dev/null").to_path_buf(), "it is a device"),
        (to_null.clone(), "symbolic link to /dev/null, which is a device"),
        (dangling.clone(), "symbolic link that leads nowhere"),
        (dir.path().to_path_buf(), "it is a folder"),
    ];
    if have_fifo {
        cases.push((fifo.clone(), "it is a named pipe (FIFO)"));
    } else {
        eprintln!("note: no mkfifo here; the FIFO case is not exercised");
    }
    for (path, says) in cases {
        let o = assess_to(&path);
        assert_eq!(o.status.code(), Some(2), "{}: {}", path.display(), stderr(&o));
        assert!(
            stderr(&o).contains(says) && stderr(&o).contains("writes only to a regular file"),
            "{}: {}",
            path.display(),
            stderr(&o)
        );
    }
    use std::os::unix::fs::FileTypeExt as _;
    assert!(
        std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(),
        "/dev/null untouched"
    );
    assert!(std::fs::symlink_metadata(&to_null).unwrap().is_symlink());
    assert!(std::fs::symlink_metadata(&dangling).unwrap().is_symlink());
    assert!(!dir.path().join("nowhere").exists());
    if have_fifo {
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }
}
