//! `yuedu bookmarks`, `yuedu bookmarks export` and `--bookmarks-file`.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use yuedu::document::Document;
use yuedu::store::bookmarks::{Bookmark, Store, new_id, now_rfc3339};

fn yuedu(home: &Path, args: &[&str]) -> Output {
    Command::new(common::bin())
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("YUEDU_CONFIG")
        .output()
        .expect("run yuedu")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn saved(store: &Store, title: &str, article: &str, quote: &str, speaker: Option<&str>, note: &str) {
    store
        .add(Bookmark {
            id: new_id(),
            article: article.into(),
            title: title.into(),
            section: "青年驱动,未来产业跑出“加速度”".into(),
            quote: quote.into(),
            speaker: speaker.map(Into::into),
            speaker_title: None,
            note: note.into(),
            line: 10,
            start: 0,
            end: 0,
            created: now_rfc3339(),
            path: None,
            kind: None,
            extra: toml::Table::new(),
        })
        .unwrap();
}

#[test]
fn lists_this_articles_bookmarks_all_of_them_and_exports_a_digest() {
    let home = tempfile::tempdir().unwrap();
    let store = Store::new(home.path().join("data/yuedu/bookmarks.toml"));
    let doc = Document::bundled();
    saved(&store, &doc.title(), &doc.id(), "算力的支持直接决定了模型训练的成本和效率", Some("丁成"), "成本");
    saved(&store, &doc.title(), &doc.id(), "这句已经不在文中了", None, "");
    saved(&store, "另一篇", "ffff", "别的文章里的话", Some("某人"), "");

    let list = stdout(&yuedu(home.path(), &["bookmarks"]));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 2, "{list}");
    assert_eq!(lines[0], "10\t丁成\t算力的支持直接决定了模型训练的成本和效率\t成本");
    assert!(lines[1].starts_with("detached\t\t这句已经不在文中了"), "{}", lines[1]);

    let all = stdout(&yuedu(home.path(), &["bookmarks", "--all"]));
    assert_eq!(all.lines().count(), 3);
    assert!(all.contains("另一篇\t10\t某人\t别的文章里的话"), "{all}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&yuedu(home.path(), &["bookmarks", "--json"]))).unwrap();
    assert_eq!(json[0]["speaker"], "丁成");
    assert_eq!(json[0]["detached"], false);
    assert_eq!(json[1]["detached"], true);

    let md = stdout(&yuedu(home.path(), &["bookmarks", "export"]));
    assert!(md.contains("> 算力的支持直接决定了模型训练的成本和效率\n"), "{md}");
    assert!(md.contains("— 丁成"), "{md}");
    // As the reader shows it: the ASCII comma between hanzi is full width.
    assert!(md.contains("《青年驱动，未来产业跑出“加速度”》"), "{md}");
    assert!(md.contains("Note: 成本"), "{md}");
    assert!(md.contains("# 另一篇"), "{md}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&yuedu(home.path(), &["bookmarks", "export", "--format", "json"])))
            .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
}

#[test]
fn bookmarks_file_option_wins_and_a_corrupt_file_is_an_error_naming_it() {
    let home = tempfile::tempdir().unwrap();
    let other = home.path().join("elsewhere.toml");
    let doc = Document::bundled();
    saved(&Store::new(&other), &doc.title(), &doc.id(), "从0到100", None, "");
    let list = stdout(&yuedu(home.path(), &["bookmarks", "--bookmarks-file", other.to_str().unwrap()]));
    assert!(list.contains("从0到100"), "{list}");
    assert_eq!(stdout(&yuedu(home.path(), &["bookmarks"])), "", "the default file is another one");

    std::fs::write(&other, "[[bookmark]\n").unwrap();
    let out = yuedu(home.path(), &["bookmarks", "--bookmarks-file", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:1:", other.display())), "{err}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "[[bookmark]\n");
}

/// A bookmark of the bundled article made at `created`, of the passage `quote` found in it.
fn made(store: &Store, quote: &str, created: &str) {
    let doc = Document::bundled();
    let shown = yuedu::layout::linebreak::display_text(quote, &Default::default());
    let start = doc.text.find(quote).unwrap_or_else(|| panic!("{quote} is in the article"));
    store
        .add(Bookmark {
            id: new_id(),
            article: doc.id(),
            title: doc.title().into(),
            section: String::new(),
            quote: quote.into(),
            speaker: None,
            speaker_title: None,
            note: shown,
            line: doc.line_of(start) as u64,
            start: start as u64,
            end: (start + quote.len()) as u64,
            created: created.into(),
            path: None,
            kind: None,
            extra: toml::Table::new(),
        })
        .unwrap();
}

#[test]
fn bookmarks_are_listed_as_the_pane_shows_them_in_the_articles_order_or_newest_first() {
    let home = tempfile::tempdir().unwrap();
    let store = Store::new(home.path().join("data/yuedu/bookmarks.toml"));
    // Made late in the text first, then early; the early one's raw text has ASCII commas.
    let doc = Document::bundled();
    let early = doc.text.lines().find(|l| l.contains("企业,还提供")).expect("a raw comma in the article");
    let early = &early[early.find("这里不仅").expect("the passage")..];
    let early = &early[..early.find('。').unwrap_or(early.len())];
    made(&store, "算力的支持直接决定了模型训练的成本和效率", "2026-01-02T10:00:00+08:00");
    made(&store, early, "2026-01-03T09:00:00+08:00");
    assert!(early.contains(','), "{early}");

    let list = stdout(&yuedu(home.path(), &["bookmarks"]));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 2, "{list}");
    assert!(lines[0].contains("企业，还提供"), "the earlier passage first, as the pane shows it: {list}");
    assert!(!lines[0].contains("企业,还提供"), "{list}");
    assert!(lines[1].contains("算力的支持"), "{list}");
    let newest = stdout(&yuedu(home.path(), &["bookmarks", "--sort", "created"]));
    assert!(newest.lines().next().is_some_and(|l| l.contains("企业，还提供")), "{newest}");
    let all = stdout(&yuedu(home.path(), &["bookmarks", "--all"]));
    assert!(all.lines().next().is_some_and(|l| l.contains("企业，还提供")), "{all}");

    let md = stdout(&yuedu(home.path(), &["bookmarks", "export"]));
    let first = md.find("企业，还提供").expect("normalised in the export");
    let second = md.find("算力的支持").expect("the other one");
    assert!(first < second, "the article's order:\n{md}");
    let md = stdout(&yuedu(home.path(), &["bookmarks", "export", "--sort", "created"]));
    assert!(md.find("企业，还提供") < md.find("算力的支持"), "newest first:\n{md}");
    // Made in the other order, created sorting puts the other one first.
    let home2 = tempfile::tempdir().unwrap();
    let store2 = Store::new(home2.path().join("data/yuedu/bookmarks.toml"));
    made(&store2, early, "2026-01-02T10:00:00+08:00");
    made(&store2, "算力的支持直接决定了模型训练的成本和效率", "2026-01-03T09:00:00+08:00");
    let newest = stdout(&yuedu(home2.path(), &["bookmarks", "--sort", "created"]));
    assert!(newest.lines().next().is_some_and(|l| l.contains("算力的支持")), "{newest}");
    let list = stdout(&yuedu(home2.path(), &["bookmarks"]));
    assert!(list.lines().next().is_some_and(|l| l.contains("企业，还提供")), "{list}");
    // JSON keeps the text as stored.
    let json = stdout(&yuedu(home.path(), &["bookmarks", "--json"]));
    assert!(json.contains("企业,还提供"), "{json}");
}
