//! The bookmarks file never loses a bookmark: round trip, unknown fields, a corrupt file,
//! an unwritable place, two processes saving at once, and a process killed while saving.
//!
//! The multi-process tests run this test binary again as the helper process: the test
//! `helper_process` does nothing unless `YUEDU_TEST_HELPER` names a job for it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use yuedu::store::bookmarks::{Bookmark, Store, StoreError, new_id, now_rfc3339};

fn bookmark(quote: &str, note: &str) -> Bookmark {
    Bookmark {
        id: new_id(),
        article: "0123456789abcdef".into(),
        title: "上海从“建框架”向“强功能”跃升".into(),
        section: "青年驱动,未来产业跑出“加速度”".into(),
        quote: quote.into(),
        speaker: Some("丁成".into()),
        speaker_title: None,
        note: note.into(),
        line: 10,
        start: 100,
        end: 200,
        created: now_rfc3339(),
        path: None,
        kind: None,
        extra: toml::Table::new(),
    }
}

#[test]
fn a_bookmark_survives_a_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("sub/bookmarks.toml"));
    assert!(store.load().unwrap().is_empty(), "a missing file is an empty list");
    let b = bookmark("算力的支持直接决定了模型训练的成本和效率", "记下:\"引号\" 与 \\ 反斜杠");
    store.add(b.clone()).unwrap();
    let mut c = bookmark("另一段", "");
    c.speaker = None;
    store.add(c.clone()).unwrap();
    let again = Store::new(store.path()).load().unwrap();
    assert_eq!(again, vec![b.clone(), c.clone()]);
    time::OffsetDateTime::parse(&again[0].created, &time::format_description::well_known::Rfc3339)
        .expect("creation time is RFC 3339");
    let left = store.remove(&b.id).unwrap();
    assert_eq!(left, vec![c]);
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.contains("[[bookmark]]"), "{text}");
}

#[test]
fn fields_from_a_newer_version_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.toml");
    let b = bookmark("旧的", "");
    let mut old = toml::Table::try_from(&b).unwrap();
    old.insert("colour".into(), toml::Value::String("red".into()));
    let mut file = toml::Table::new();
    file.insert("format".into(), toml::Value::Integer(7));
    file.insert("bookmark".into(), toml::Value::Array(vec![toml::Value::Table(old)]));
    std::fs::write(&path, toml::to_string(&file).unwrap()).unwrap();

    let store = Store::new(&path);
    store.add(bookmark("新的", "")).unwrap();
    let written: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written["format"].as_integer(), Some(7));
    let list = written["bookmark"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["colour"].as_str(), Some("red"));
}

#[test]
fn a_corrupt_file_is_left_byte_for_byte_and_named_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.toml");
    let bytes = "[[bookmark]]\nid = \"x\"\nquote = = \"未完\"\n\n# 手改过的文件\n".as_bytes().to_vec();
    std::fs::write(&path, &bytes).unwrap();
    let store = Store::new(&path);
    let err = store.add(bookmark("不应写入", "")).unwrap_err();
    assert!(matches!(err, StoreError::Parse { .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.starts_with(&format!("{}:3:", path.display())), "{msg}");
    assert!(store.load().is_err());
    assert!(store.remove("x").is_err());
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the corrupt file must not change");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "bookmarks.toml" && n != "bookmarks.toml.lock")
        .collect();
    assert!(names.is_empty(), "no stray files: {names:?}");
}

#[test]
fn an_unwritable_place_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "").unwrap();
    let store = Store::new(blocker.join("bookmarks.toml"));
    let err = store.add(bookmark("x", "")).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(err.to_string().contains("bookmarks.toml"), "{err}");
}

/// Runs this test binary as a helper process doing `job` on the file at `path`.
fn helper(job: &str, path: &Path) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args(["--exact", "helper_process", "--nocapture", "--test-threads=1"])
        .env("YUEDU_TEST_HELPER", job)
        .env("YUEDU_TEST_FILE", path);
    c
}

/// The helper: `add200` adds 200 bookmarks one by one; `add_forever` adds bookmarks with
/// long notes until killed, printing each count it has saved.
#[test]
fn helper_process() {
    let Ok(job) = std::env::var("YUEDU_TEST_HELPER") else { return };
    let store = Store::new(std::env::var_os("YUEDU_TEST_FILE").expect("YUEDU_TEST_FILE"));
    match job.as_str() {
        "add200" => {
            for i in 0..200 {
                store.add(bookmark(&format!("进程{} 第{i}条", std::process::id()), "")).expect("add");
            }
        }
        "add_forever" => {
            let note = "很长的笔记。".repeat(400);
            for i in 1.. {
                let n = store.add(bookmark(&format!("第{i}条"), &note)).expect("add").len();
                println!("saved {n}");
            }
        }
        other => panic!("unknown helper job {other}"),
    }
}

#[test]
fn two_processes_adding_200_each_keep_all_400() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.toml");
    let a = helper("add200", &path).stdout(Stdio::null()).spawn().unwrap();
    let b = helper("add200", &path).stdout(Stdio::null()).spawn().unwrap();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success());
    let all = Store::new(&path).load().unwrap();
    assert_eq!(all.len(), 400);
    let mut ids: Vec<_> = all.iter().map(|b| b.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 400, "ids are unique");
}

#[test]
fn a_process_killed_while_saving_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.toml");
    for round in 0..5 {
        let mut child = helper("add_forever", &path).stdout(Stdio::piped()).spawn().unwrap();
        let out = child.stdout.take().unwrap();
        let mut lines = BufReader::new(out).lines();
        // Let it save a few times (more each round), then kill it mid-stream.
        let mut last = 0;
        let mut seen = 0;
        while seen < 3 + round * 7 {
            let line = lines.next().expect("helper output").unwrap();
            if let Some(n) = line.strip_prefix("saved ") {
                last = n.parse::<usize>().unwrap();
                seen += 1;
            }
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // The helper may have saved a few more than it reported before the kill landed.
        let all = Store::new(&path).load().expect("the file parses after a kill");
        assert!(all.len() >= last, "round {round}: {} bookmarks after {last} reported saves", all.len());
        let note = "很长的笔记。".repeat(400);
        assert!(all.iter().all(|b| b.note == note), "round {round}: a bookmark was cut short");
    }
}
