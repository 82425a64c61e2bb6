//! Saved web pages as a user meets them: the script commands on a page, its charset, bad
//! pages refused in one line, and the reader in a real terminal (tmux).

mod common;

use common::{Tmux, run, stdout_of, text_part};

fn page(id: &str) -> String {
    format!("{}/tests/corpus/pages/{id}.html", env!("CARGO_MANIFEST_DIR"))
}

const XINHUA: &str = "web-01-xinhua-county-logistics";
const CCTV_GBK: &str = "web-03-cctv-train-deicing";

#[test]
fn the_script_commands_read_the_article_of_a_page() {
    let p = page(XINHUA);
    let dump = stdout_of(&["dump", &p, "--width", "60"]);
    assert!(dump.starts_with("快递进村“最后一公里”这样打通\n"), "{dump}");
    assert!(dump.contains("一辆车拉几家的件"), "{dump}");
    for furniture in ["相关新闻", "分享到", "热点排行", "Copyright", "请输入关键词"] {
        assert!(!dump.contains(furniture), "{furniture} in:\n{dump}");
    }
    let outline = stdout_of(&["outline", &p, "--json"]);
    let entries: serde_json::Value = serde_json::from_str(&outline).expect("JSON outline");
    let levels: Vec<(u64, &str)> = entries
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| (e["level"].as_u64().unwrap_or(0), e["title"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        levels,
        [
            (1, "快递进村“最后一公里”这样打通"),
            (2, "一辆车拉几家的件"),
            (2, "山货搭上“回程车”"),
            (2, "让服务站“活”下去")
        ]
    );
    let figures = stdout_of(&["figures", &p]);
    assert!(figures.contains("180万件"), "{figures}");
    let quotes = stdout_of(&["quotes", &p]);
    assert!(quotes.contains("雷建平"), "{quotes}");
}

#[test]
fn a_gbk_page_is_read_in_the_charset_its_meta_declares() {
    let dump = stdout_of(&["dump", &page(CCTV_GBK), "--width", "80"]);
    assert!(dump.starts_with("寒潮来袭 高铁动车组“冬装”上线\n"), "{dump}");
    assert!(dump.contains("编辑：任丽"), "{dump}");
    assert!(!dump.contains('\u{fffd}'), "{dump}");
}

#[test]
fn a_byte_order_mark_wins_over_the_declared_charset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bom.html");
    let html = "<html><head><meta charset=\"gbk\"><title>标题</title></head><body><h1>带BOM的网页</h1><p>正文，是UTF-8。</p></body></html>";
    std::fs::write(&path, [b"\xef\xbb\xbf".as_slice(), html.as_bytes()].concat()).expect("write");
    let dump = stdout_of(&["dump", path.to_str().expect("path"), "--width", "60"]);
    assert!(dump.starts_with("带BOM的网页\n"), "{dump}");
}

#[test]
fn a_page_is_known_by_its_content_whatever_its_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("saved-article");
    std::fs::copy(page(XINHUA), &path).expect("copy");
    let dump = stdout_of(&["dump", path.to_str().expect("path"), "--width", "60"]);
    assert!(dump.starts_with("快递进村“最后一公里”这样打通\n") && !dump.contains("<p>"), "{dump}");
}

/// One line on standard error naming the file, exit code 2, nothing on standard output.
fn refused(path: &std::path::Path, why: &str) {
    let p = path.to_str().expect("path");
    let out = run(&["dump", p, "--width", "40"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(p) && err.contains(why), "{err}");
}

#[test]
fn bad_pages_are_refused_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("image.html");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").expect("write");
    refused(&binary, "NUL");
    let markup_only = dir.path().join("empty.html");
    std::fs::write(
        &markup_only,
        "<html><head><style>p{}</style></head><body><script>x()</script></body></html>",
    )
    .expect("write");
    refused(&markup_only, "no text to read");
    let huge = dir.path().join("huge.html");
    let mut big = String::from("<html><body><p>");
    big.push_str(&"大".repeat((yuedu::document::sniff::MAX_PAGE_BYTES / 3) + 1));
    std::fs::write(&huge, big).expect("write");
    refused(&huge, "too large");
}

#[test]
fn a_page_with_no_text_on_standard_input_is_refused_as_a_file_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let markup_only = dir.path().join("empty.html");
    std::fs::write(&markup_only, "<html><body><script>x</script></body></html>").expect("write");
    refused(&markup_only, "no text to read");
    for args in [&["dump", "-", "--width", "40"][..], &["outline", "-"]] {
        let out = std::process::Command::new(common::bin())
            .args(args)
            .stdin(std::fs::File::open(&markup_only).expect("open"))
            .env("LC_ALL", "C.UTF-8")
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("(stdin): has no text to read"), "{args:?}: {err}");
    }
}

#[test]
fn a_saved_page_in_the_reader_shows_the_article_and_moves_by_its_headings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("新华网.html");
    std::fs::copy(page(XINHUA), &path).expect("copy");
    let p = path.to_str().expect("path");
    let mut t = Tmux::start(&[p], 100, 30);
    let screen = t.wait_text("快递进村");
    assert!(screen.contains("一辆车拉几家的件"), "a heading in the outline:\n{screen}");
    for furniture in ["相关新闻", "分享到", "语音播报", "新华网首页"] {
        assert!(!screen.contains(furniture), "{furniture} on screen:\n{screen}");
    }
    t.keys(&["]"]);
    t.wait_for("the first section at the top", |s| {
        s.lines().next().is_some_and(|l| text_part(l).contains("一辆车拉几家的件"))
    });
    // The last sections end the text, which scrolls no further than its end: the next
    // heading comes into view below the top.
    t.keys(&["]"]);
    t.wait_for("the second section in view", |s| {
        !s.lines().next().is_some_and(|l| text_part(l).contains("一辆车拉几家的件"))
            && s.lines().any(|l| text_part(l).contains("山货搭上“回程车”"))
    });
    // A quote bookmarked on the page is listed when the page is opened again.
    t.keys(&[")"]);
    t.wait_for("a quote selected", |s| {
        s.lines().rfind(|l| !l.trim().is_empty()).is_some_and(|l| l.contains("回程车"))
    });
    t.keys(&["m"]);
    t.wait_text("bookmarked:");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    let home = std::mem::replace(&mut t.home, tempfile::tempdir().expect("tempdir"));
    drop(t);
    // Reopened: at the same place, with its bookmark.
    let t = Tmux::start_in(home, &[p], 100, 30);
    t.wait_text("resumed");
    t.keys(&["'"]);
    let s = t.wait_text("bookmarks (1)");
    assert!(s.contains("回程车"), "{s}");
    t.keys(&["Escape"]);
    // `q` only once the list is closed: sent at once after Escape it can be read as Alt-q.
    t.wait_for("the list closed", |s| !s.contains("bookmarks (1)"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
