//! Opening files of every encoding, and bad input: one line naming the file, exit code 2.

mod common;

use std::path::Path;
use std::process::Command;

use common::run;

const NOVEL: &str = "红楼梦\n\n第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀\n\n\
此开卷第一回也。作者自云：因曾历过一番梦幻之后，故将真事隐去，而借“通灵”之说，撰此《石头记》一书也。\n\n\
第二回 贾夫人仙逝扬州城 冷子兴演说荣国府\n\n\
诗云：一局输赢料不真，香销茶尽尚逡巡。欲知目下兴衰兆，须问旁观冷眼人。\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn stderr_of_failure(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "expected exit 2 for {args:?}");
    assert!(out.stdout.is_empty(), "nothing may be printed on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line expected: {err}");
    err
}

fn outline_of(args: &[&str]) -> String {
    common::stdout_of(args)
}

#[test]
fn gb18030_file_is_detected_and_its_outline_found() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = encoding_rs::GB18030.encode(NOVEL).0.into_owned();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture must not be UTF-8");
    let path = write(dir.path(), "hlm.txt", &bytes);
    assert_eq!(
        outline_of(&["outline", &path]),
        "红楼梦\n  第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀\n  第二回 贾夫人仙逝扬州城 冷子兴演说荣国府\n"
    );
    let dump = outline_of(&["dump", &path, "--width", "200"]);
    assert!(dump.contains("借“通灵”之说"), "{dump}");
}

#[test]
fn big5_file_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let trad = "紅樓夢\n\n第一回 甄士隱夢幻識通靈 賈雨村風塵懷閨秀\n\n此開卷第一回也。作者自云：因曾歷過一番夢幻之後，故將真事隱去，而借“通靈”之說，撰此《石頭記》一書也。\n";
    let bytes = encoding_rs::BIG5.encode(trad).0.into_owned();
    let path = write(dir.path(), "hlm5.txt", &bytes);
    assert_eq!(outline_of(&["outline", &path]), "紅樓夢\n  第一回 甄士隱夢幻識通靈 賈雨村風塵懷閨秀\n");
}

#[test]
fn utf16_with_bom_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xff, 0xfe];
    for u in NOVEL.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let path = write(dir.path(), "u16.txt", &bytes);
    assert!(outline_of(&["outline", &path]).contains("第二回 贾夫人仙逝扬州城"));
}

#[test]
fn forced_encoding_wins_and_an_unknown_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = encoding_rs::GB18030.encode(NOVEL).0.into_owned();
    let path = write(dir.path(), "hlm.txt", &bytes);
    let out = outline_of(&["outline", &path, "--encoding", "gbk"]);
    assert!(out.starts_with("红楼梦\n"), "{out}");
    let err = stderr_of_failure(&["outline", &path, "--encoding", "klingon"]);
    assert!(err.contains("hlm.txt") && err.contains("unknown encoding \"klingon\""), "{err}");
}

#[test]
fn utf8_with_a_bad_byte_opens_with_a_replacement_character() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = NOVEL.as_bytes().to_vec();
    let at = NOVEL.find("作者").unwrap();
    bytes.insert(at, 0xff);
    let path = write(dir.path(), "bad.txt", &bytes);
    let dump = outline_of(&["dump", &path, "--width", "300"]);
    assert!(dump.contains("也。\u{fffd}作者"), "{dump}");
}

#[test]
fn bad_input_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: Vec<(String, &str)> = vec![
        (write(d, "nul.txt", b"abc\n\0\x01\x02binary"), "NUL bytes"),
        (write(d, "empty.txt", b""), "is empty"),
        (write(d, "blank.txt", "\n\n   \r\n\u{3000}\n".as_bytes()), "only blank lines"),
        (d.join("missing.txt").display().to_string(), "no such file"),
        (d.display().to_string(), "is a directory"),
        ("/dev/null".to_string(), "is a character device"),
    ];
    for (path, what) in cases {
        for cmd in [vec!["outline", path.as_str()], vec!["dump", path.as_str(), "--width", "40"]] {
            let err = stderr_of_failure(&cmd);
            assert!(err.contains(&path) && err.contains(what), "{cmd:?}: {err}");
        }
    }
}

#[test]
fn a_fifo_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let ok = Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
    if !ok {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    // No writer ever opens the pipe: reading it would block forever.
    let path = fifo.display().to_string();
    let err = stderr_of_failure(&["outline", &path]);
    assert!(err.contains("named pipe (FIFO)"), "{err}");
}

#[test]
fn one_long_line_without_a_newline_opens() {
    let dir = tempfile::tempdir().unwrap();
    let line =
        "上海加快培育新质生产力,集成电路、生物医药、人工智能三大先导产业规模达1.6万亿元。".repeat(40_000);
    let path = write(dir.path(), "long.txt", line.as_bytes());
    let out = run(&["dump", &path, "--width", "60"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() > 40_000);
    assert!(text.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 60));
}
