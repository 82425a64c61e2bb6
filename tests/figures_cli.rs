//! `yuedu figures [FILE] [--json]`: one tab-separated line per figure, or a JSON array whose
//! offsets give back the source text.

mod common;

use common::{run, stdout_of};

#[test]
fn lines_are_line_kind_text_context() {
    let out = stdout_of(&["figures"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 37, "{out}");
    let first: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(&first[..3], &["4", "date", "2023年"]);
    assert!(first[3].contains("显示,2023年,上海"), "context: {}", first[3]);
    let money: Vec<&str> = lines[2].split('\t').collect();
    assert_eq!(&money[..3], &["4", "money", "1.6万亿元"]);
    assert!(lines.iter().all(|l| l.split('\t').count() == 4), "{out}");
    assert!(lines.iter().any(|l| l.starts_with("20\tdate\t5月24日\t")));
}

#[test]
fn json_offsets_give_back_the_source_text() {
    let out = stdout_of(&["figures", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let arr = v.as_array().expect("an array");
    assert_eq!(arr.len(), 37);
    let src = yuedu::BUNDLED_ARTICLE;
    for f in arr {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(f["text"].as_str(), src.get(s..e), "{f}");
        let line = src[..s].matches('\n').count() + 1;
        assert_eq!(f["line"].as_u64(), Some(line as u64), "{f}");
    }
    assert_eq!(arr[33]["text"], "5月24日");
    assert_eq!(arr[33]["kind"], "date");
    assert_eq!(arr[33]["section"], "产学研用融合,中国“质”造力领跑新赛道");
}

#[test]
fn a_file_with_full_width_digits_and_no_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with = dir.path().join("a.txt");
    std::fs::write(&with, "标题\n\n　　营收增长１２．５％,达３,０００万元。\n").expect("write");
    let out = stdout_of(&["figures", with.to_str().unwrap()]);
    let texts: Vec<&str> = out.lines().map(|l| l.split('\t').nth(2).unwrap_or("")).collect();
    assert_eq!(texts, ["１２．５％", "３,０００万元"]);
    let none = dir.path().join("b.txt");
    std::fs::write(&none, "没有数字的一段话。\n").expect("write");
    assert_eq!(stdout_of(&["figures", none.to_str().unwrap()]), "");
    assert_eq!(stdout_of(&["figures", "--json", none.to_str().unwrap()]).trim(), "[]");
}

#[test]
fn a_missing_file_is_one_line_and_exit_code_2() {
    let out = run(&["figures", "/nonexistent/nothing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nothing.txt"), "{err}");
}
