//! EPUB books built here from XHTML strings (tests/fixtures/epub.rs): EPUB 2 and 3, nested
//! tables of contents, fragment targets, ruby, and bad books (a missing spine item, a zip
//! bomb, DRM, a corrupt zip, a broken package), through the library and the binary.

mod common;
#[path = "fixtures/epub.rs"]
mod epub;

use std::path::{Path, PathBuf};

use epub::Book;
use yuedu::document::open::open;
use yuedu::document::{BlockKind, Document};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// The outline as (level, text) pairs.
fn outline(doc: &Document) -> Vec<(u8, String)> {
    doc.headings.iter().map(|h| (h.level, doc.heading_text(h).to_string())).collect()
}

/// A novel in two volumes, the first with two chapters, the second chapter's target a
/// fragment in the middle of the first volume's file, and ruby in the text.
fn volumes(version: u8) -> Book {
    Book::new(version, "呐喊", "鲁迅")
        .chapter(
            "v1.xhtml",
            r#"<h1>上卷</h1><h2 id="c1">第一章 孔乙己</h2>
<p>鲁镇的酒店的格局，是和别处不同的。</p>
<p>孔乙己是站着喝酒而穿长衫的唯一的人。他身材很高大；<ruby>青<rp>(</rp><rt>qīng</rt><rp>)</rp></ruby>白脸色。</p>
<h2 id="c2">第二章 药</h2><p>秋天的后半夜，月亮下去了，太阳还没有出。</p>"#,
        )
        .chapter("v2.xhtml", r#"<h1>下卷</h1><p id="start">第三章开头的一段。</p><p>他说：“我不知道。”</p>"#)
        .entry(0, "上卷", "v1.xhtml")
        .entry(1, "第一章 孔乙己", "v1.xhtml#c1")
        .entry(1, "第二章 药", "v1.xhtml#c2")
        .entry(0, "下卷", "v2.xhtml")
}

#[test]
fn epub3_and_epub2_give_the_nested_outline_of_their_table_of_contents() {
    let dir = tempfile::tempdir().unwrap();
    for version in [3, 2] {
        let p = write(dir.path(), &format!("v{version}.epub"), &volumes(version).bytes());
        let doc = open(&p, None).unwrap();
        assert_eq!(
            outline(&doc),
            [
                (1, "呐喊".to_string()),
                (2, "上卷".to_string()),
                (3, "第一章 孔乙己".to_string()),
                (3, "第二章 药".to_string()),
                (2, "下卷".to_string()),
            ],
            "EPUB {version}"
        );
        assert_eq!(doc.title(), "呐喊");
        assert_eq!(doc.name, "呐喊 — 鲁迅");
        assert_eq!(doc.blocks[1].kind, BlockKind::Subtitle, "the author under the title");
        // The keys 1–9 and `:N` count the volumes, the top level below the title.
        let top: Vec<_> = doc.top_sections().iter().map(|&h| doc.heading_text(&doc.headings[h])).collect();
        assert_eq!(top, ["上卷", "下卷"]);
    }
}

#[test]
fn the_text_is_the_chapters_blocks_with_ruby_as_its_base_and_offsets_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "book.epub", &volumes(3).bytes());
    let doc = open(&p, None).unwrap();
    let lines: Vec<&str> = doc.text.lines().collect();
    assert_eq!(lines[0], "呐喊");
    assert_eq!(lines[1], "鲁迅");
    assert!(doc.text.contains("唯一的人。他身材很高大；青白脸色。"), "{}", doc.text);
    assert!(!doc.text.contains("qīng") && !doc.text.contains("text-indent"), "{}", doc.text);
    // Every block is one line of the text, numbered as `sed -n Np` counts.
    for (i, b) in doc.blocks.iter().enumerate() {
        assert_eq!(lines[b.line - 1], doc.block_text(i));
    }
    // `dump` prints that text.
    let out = common::stdout_of(&["dump", p.to_str().unwrap(), "--width", "200"]);
    for line in ["呐喊", "第一章 孔乙己", "秋天的后半夜，月亮下去了，太阳还没有出。", "他说：“我不知道。”"]
    {
        assert!(out.lines().any(|l| l.trim() == line), "{line} in\n{out}");
    }
}

#[test]
fn a_fragment_target_is_the_block_of_its_element_not_the_chapter_start() {
    let book = Book::new(3, "短篇", "佚名")
        .chapter("a.xhtml", "<p>开头。</p><p>第二段。</p><p id=\"x\">这里是目标。</p><p>结尾。</p>")
        .entry(0, "开头", "a.xhtml")
        .entry(1, "目标", "a.xhtml#x");
    let doc = yuedu::document::format::epub::open("a.epub", std::io::Cursor::new(book.bytes())).unwrap();
    // The chapter opens with no heading: its entry's words head it.
    assert_eq!(outline(&doc), [(1, "短篇".into()), (2, "开头".into()), (3, "这里是目标。".into())]);
}

#[test]
fn without_a_table_of_contents_the_chapters_headings_make_the_outline() {
    let book = Book::new(3, "无目录", "")
        .chapter("a.xhtml", "<h1>第一回</h1><p>一。</p><h2>小节</h2><p>二。</p>")
        .chapter("b.xhtml", "<h1>第二回</h1><p>三。</p>");
    let doc = yuedu::document::format::epub::open("b.epub", std::io::Cursor::new(book.bytes())).unwrap();
    assert_eq!(
        outline(&doc),
        [(1, "无目录".into()), (2, "第一回".into()), (3, "小节".into()), (2, "第二回".into())]
    );
    assert_eq!(doc.name, "无目录");
}

#[test]
fn a_book_is_known_by_its_content_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "download.bin", &volumes(2).bytes());
    let doc = open(&p, None).unwrap();
    assert_eq!(doc.title(), "呐喊");
    let out = common::stdout_of(&["outline", p.to_str().unwrap()]);
    assert_eq!(out, "呐喊\n  上卷\n    第一章 孔乙己\n    第二章 药\n  下卷\n");
}

#[test]
fn a_missing_spine_item_is_skipped_with_a_warning_naming_it() {
    let mut book = volumes(3);
    book.missing.push("lost.xhtml".into());
    let doc = yuedu::document::format::epub::open("m.epub", std::io::Cursor::new(book.bytes())).unwrap();
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(doc.warnings[0].contains("OEBPS/lost.xhtml"), "{:?}", doc.warnings);
    assert!(doc.text.contains("我不知道"));
}

/// Runs `yuedu outline FILE` and returns its one-line error, checking exit code 2.
fn refused(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = write(dir, name, bytes);
    let out = common::run(&["outline", p.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(name), "names the file: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn bad_books_are_refused_in_one_line_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A corrupt zip: the end cut off, and bytes that are no zip at all.
    let good = volumes(3).bytes();
    let err = refused(d, "cut.epub", &good[..good.len() / 2]);
    assert!(err.contains("broken zip"), "{err}");
    let err = refused(d, "noise.epub", "这不是一个压缩包".as_bytes());
    assert!(err.contains("broken zip"), "{err}");
    // No container.
    let mut entries = volumes(3).entries();
    entries.retain(|(n, _)| n != "META-INF/container.xml");
    let err = refused(d, "nocontainer.epub", &epub::zip_of(&entries));
    assert!(err.contains("META-INF/container.xml is missing"), "{err}");
    // No package document.
    let mut entries = volumes(3).entries();
    entries.retain(|(n, _)| n != "OEBPS/content.opf");
    let err = refused(d, "noopf.epub", &epub::zip_of(&entries));
    assert!(err.contains("OEBPS/content.opf is missing"), "{err}");
    // A package that is not well-formed: its line and column.
    let mut entries = volumes(3).entries();
    entries[2].1 = b"<?xml version=\"1.0\"?>\n<package>\n<metadata>\n</package>".to_vec();
    let err = refused(d, "badopf.epub", &epub::zip_of(&entries));
    assert!(err.contains("OEBPS/content.opf:4:"), "{err}");
    // Every spine item missing: nothing to read.
    let mut book = Book::new(3, "空", "");
    book.missing = vec!["a.xhtml".into(), "b.xhtml".into()];
    let err = refused(d, "nochapters.epub", &book.bytes());
    assert!(err.contains("no chapters"), "{err}");
}

const ENCRYPTION: &str = r#"<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="ALGO"/>
<enc:CipherData><enc:CipherReference URI="TARGET"/></enc:CipherData></enc:EncryptedData>
</encryption>"#;

#[test]
fn encrypted_chapters_are_drm_but_obfuscated_fonts_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let with = |algo: &str, target: &str| {
        let mut book = volumes(3);
        let xml = ENCRYPTION.replace("ALGO", algo).replace("TARGET", target);
        book.extra.push(("META-INF/encryption.xml".into(), xml.into_bytes()));
        book.extra.push(("OEBPS/fonts/kai.ttf".into(), vec![7; 300]));
        book.bytes()
    };
    let err = refused(
        dir.path(),
        "drm.epub",
        &with("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OEBPS/v1.xhtml"),
    );
    assert!(err.contains("DRM-protected"), "{err}");
    let fonts =
        write(dir.path(), "fonts.epub", &with("http://www.idpf.org/2008/embedding", "OEBPS/fonts/kai.ttf"));
    let doc = open(&fonts, None).expect("font obfuscation alone is not DRM");
    assert_eq!(doc.title(), "呐喊");
}

#[test]
fn a_zip_bomb_is_refused_while_inflating() {
    let dir = tempfile::tempdir().unwrap();
    // 3 MB of one character deflates to a few KB: hundreds of times its size.
    let mut book = volumes(3);
    book.chapters[1].1 = format!("<html><body><p>{}</p></body></html>", "啊".repeat(1 << 20));
    let err = refused(dir.path(), "bomb.epub", &book.bytes());
    assert!(err.contains("OEBPS/v2.xhtml") && err.contains("zip bomb"), "{err}");
    // An entry whose header declares it small: the check is on what inflates.
    let bytes = lying_sizes(&book.bytes());
    let err = refused(dir.path(), "liar.epub", &bytes);
    assert!(err.contains("zip bomb") || err.contains("cannot be read"), "{err}");
    eprintln!("{err}");
}

/// The zip with every declared uncompressed size in its central directory set to 1000.
fn lying_sizes(zip: &[u8]) -> Vec<u8> {
    let mut out = zip.to_vec();
    let mut i = 0;
    while i + 46 <= out.len() {
        if out[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
            out[i + 24..i + 28].copy_from_slice(&1000u32.to_le_bytes());
            let n = u16::from_le_bytes([out[i + 28], out[i + 29]]) as usize;
            let m = u16::from_le_bytes([out[i + 30], out[i + 31]]) as usize;
            let k = u16::from_le_bytes([out[i + 32], out[i + 33]]) as usize;
            i += 46 + n + m + k;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn not_well_formed_xhtml_is_read_leniently() {
    let book = Book::new(3, "乱", "").chapter("a.xhtml", "x").entry(0, "一", "a.xhtml");
    let mut entries = book.entries();
    let last = entries.len() - 1;
    entries[last].1 = "<html><body><p>第一段<p>第二段<div><b>粗体</p></i>第三段".as_bytes().to_vec();
    let doc =
        yuedu::document::format::epub::open("x.epub", std::io::Cursor::new(epub::zip_of(&entries))).unwrap();
    for t in ["第一段", "第二段", "粗体", "第三段"] {
        assert!(doc.text.contains(t), "{t} in {}", doc.text);
    }
}

#[test]
fn a_chapter_title_set_as_a_paragraph_is_the_heading_its_entry_names() {
    let book = Book::new(2, "段落标题", "")
        .chapter("a.xhtml", "<p class=\"title\">第一章　开端</p><p>正文一。</p>")
        .chapter("b.xhtml", "<p>没有标题的一章，第一段。</p><p>正文二。</p>")
        .entry(0, "第一章 开端", "a.xhtml")
        .entry(0, "第二章", "b.xhtml");
    let doc = yuedu::document::format::epub::open("p.epub", std::io::Cursor::new(book.bytes())).unwrap();
    let kinds: Vec<BlockKind> = doc.headings.iter().map(|h| doc.blocks[h.block].kind).collect();
    assert_eq!(kinds, [BlockKind::Title, BlockKind::Heading { level: 2 }, BlockKind::Heading { level: 2 }]);
    assert_eq!(doc.heading_text(&doc.headings[1]), "第一章　开端");
    assert_eq!(doc.text.matches("开端").count(), 1, "the paragraph is the heading, not repeated");
    // The chapter with no title line is headed by its entry's words.
    assert_eq!(doc.heading_text(&doc.headings[2]), "第二章");
}

#[test]
fn a_nav_that_is_not_well_formed_is_read_leniently_and_deep_nesting_is_no_crash() {
    let book = volumes(3);
    let mut entries = book.entries();
    let nav = entries.iter_mut().find(|(n, _)| n.ends_with("nav.xhtml")).unwrap();
    nav.1 = "<html><body><nav epub:type=\"toc\"><ol><li><a href=\"v1.xhtml\">上卷&nbsp;</a><ol><li><a href=\"v1.xhtml#c2\">第二章 药</ol><li><a href=\"v2.xhtml\">下卷</a></ol></nav>"
        .as_bytes()
        .to_vec();
    let doc =
        yuedu::document::format::epub::open("n.epub", std::io::Cursor::new(epub::zip_of(&entries))).unwrap();
    assert_eq!(
        outline(&doc),
        [(1, "呐喊".into()), (2, "上卷".into()), (3, "第二章 药".into()), (2, "下卷".into())]
    );
    // A table of contents nested a hundred thousand deep, in the nav and in the NCX.
    let deep = 100_000;
    let nav = format!(
        "<html><body><nav epub:type=\"toc\">{}<a href=\"v2.xhtml\">下卷</a>{}</nav></body></html>",
        "<ol><li>".repeat(deep),
        "</li></ol>".repeat(deep)
    );
    let ncx = format!(
        "<ncx><navMap>{}{}</navMap></ncx>",
        "<navPoint><navLabel><text>卷</text></navLabel><content src=\"v1.xhtml\"/>".repeat(deep),
        "</navPoint>".repeat(deep)
    );
    for (file, toc) in [("nav.xhtml", nav), ("toc.ncx", ncx)] {
        let version = if file == "nav.xhtml" { 3 } else { 2 };
        let mut entries = volumes(version).entries();
        entries.iter_mut().find(|(n, _)| n.ends_with(file)).unwrap().1 = toc.into_bytes();
        let doc = yuedu::document::format::epub::open("d.epub", std::io::Cursor::new(epub::zip_of(&entries)));
        assert!(doc.is_ok_and(|d| d.headings.len() >= 2), "{file}");
    }
}

#[test]
fn figures_and_quotes_of_a_book_point_into_its_extracted_text() {
    let dir = tempfile::tempdir().unwrap();
    let book =
        volumes(3).chapter("v3.xhtml", "<h1>附录</h1><p>酒店里一碗酒要四文铜钱，他一共欠了十九个钱。</p>");
    let p = write(dir.path(), "f.epub", &book.bytes());
    let doc = open(&p, None).unwrap();
    let lines: Vec<&str> = doc.text.lines().collect();
    for command in ["figures", "quotes"] {
        let out = common::stdout_of(&[command, "--json", p.to_str().unwrap()]);
        let items: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        assert!(!items.is_empty(), "{command}: {out}");
        for item in items {
            let (start, end) =
                (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
            let line = item["line"].as_u64().unwrap() as usize;
            let text = item["text"].as_str().unwrap();
            assert!(doc.text[start..end].contains(text), "{command}: {item}");
            assert!(lines[line - 1].contains(text), "{command}: line {line} of the text holds {text}");
        }
    }
}

#[test]
fn a_chapter_without_a_heading_gets_the_words_of_its_entry() {
    let book = Book::new(3, "无题", "")
        .chapter("a.xhtml", "<div><p>没有标题的一章，第一段。</p><p>正文。</p></div>")
        .chapter("b.xhtml", "<div><h2>第二章</h2><p>正文二。</p></div>")
        .chapter("c.xhtml", "<p>第三章</p><p>正文三。</p>")
        .entry(0, "第一章 序", "a.xhtml")
        .entry(0, "第二章", "b.xhtml")
        .entry(0, "第三章", "c.xhtml");
    let doc = yuedu::document::format::epub::open("u.epub", std::io::Cursor::new(book.bytes())).unwrap();
    assert_eq!(
        outline(&doc),
        [(1, "无题".into()), (2, "第一章 序".into()), (2, "第二章".into()), (2, "第三章".into())]
    );
    assert_eq!(doc.text.matches("第二章").count(), 1, "{}", doc.text);
    assert_eq!(doc.text.matches("第三章").count(), 1, "{}", doc.text);
    assert!(doc.text.contains("第一章 序\n没有标题的一章"), "{}", doc.text);
}
