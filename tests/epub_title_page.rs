//! EPUB books whose first chapter is their own title page (the title in an `h1` or a big
//! paragraph, then the author), built here from XHTML strings (tests/fixtures/epub.rs): the
//! reader shows the title and the author once, as title and subtitle, and keeps what else
//! the title page says.

mod common;
#[path = "fixtures/epub.rs"]
mod epub;

use std::path::{Path, PathBuf};

use epub::Book;
use yuedu::document::open::open;
use yuedu::document::{BlockKind, Document};

fn write(dir: &Path, book: &Book) -> PathBuf {
    let p = dir.join("book.epub");
    std::fs::write(&p, book.bytes()).unwrap();
    p
}

/// Each block's text and kind, in order.
fn blocks(doc: &Document) -> Vec<(String, BlockKind)> {
    (0..doc.blocks.len()).map(|i| (doc.block_text(i).to_string(), doc.blocks[i].kind)).collect()
}

fn outline(doc: &Document) -> Vec<(u8, String)> {
    doc.headings.iter().map(|h| (h.level, doc.heading_text(h).to_string())).collect()
}

const CHAPTER: &str = "<h1>第一章</h1><p>呼兰河这小城里边住着我的祖父。</p>";

#[test]
fn a_title_page_in_an_h1_with_its_author_shows_them_once() {
    let dir = tempfile::tempdir().unwrap();
    for version in [3, 2] {
        let book = Book::new(version, "呼兰河传", "萧红")
            .chapter("title_page.xhtml", r#"<h1 class="title">呼兰河传</h1><p class="author">萧红</p>"#)
            .chapter("ch1.xhtml", CHAPTER)
            .entry(0, "呼兰河传", "title_page.xhtml")
            .entry(0, "第一章", "ch1.xhtml");
        let doc = open(&write(dir.path(), &book), None).unwrap();
        let s = |t: &str, k| (t.to_string(), k);
        assert_eq!(
            blocks(&doc),
            [
                s("呼兰河传", BlockKind::Title),
                s("萧红", BlockKind::Subtitle),
                s("第一章", BlockKind::Heading { level: 1 }),
                s("呼兰河这小城里边住着我的祖父。", BlockKind::Body),
            ],
            "EPUB {version}"
        );
        assert_eq!(outline(&doc), [(1, "呼兰河传".to_string()), (2, "第一章".to_string())]);
        // Lines are the text's lines: the blocks after the title page moved up with it.
        let lines: Vec<usize> = doc.blocks.iter().map(|b| b.line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
        assert_eq!(doc.text.lines().nth(2), Some("第一章"));
    }
}

#[test]
fn a_title_page_that_says_more_keeps_it_and_targets_after_it_still_hold() {
    // A big paragraph for the title, a role word by the author, a publisher; the first
    // chapter in the same file, reached by a fragment.
    let book = Book::new(3, "呼兰河传", "萧红")
        .chapter(
            "text.xhtml",
            r#"<p class="big"> 呼兰河传 </p><p>萧红 著</p><p>人民文学出版社</p>
<h2 id="c1">第一章</h2><p>呼兰河这小城里边住着我的祖父。</p><h2 id="c2">第二章</h2><p>呼兰河除了这些卑琐平凡的实际生活之外。</p>"#,
        )
        .entry(0, "第一章", "text.xhtml#c1")
        .entry(0, "第二章", "text.xhtml#c2");
    let dir = tempfile::tempdir().unwrap();
    let doc = open(&write(dir.path(), &book), None).unwrap();
    let texts: Vec<String> = blocks(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        texts,
        [
            "呼兰河传",
            "萧红",
            "人民文学出版社",
            "第一章",
            "呼兰河这小城里边住着我的祖父。",
            "第二章",
            "呼兰河除了这些卑琐平凡的实际生活之外。"
        ]
    );
    assert_eq!(outline(&doc), [(1, "呼兰河传".into()), (2, "第一章".into()), (2, "第二章".into())]);
    assert_eq!(doc.blocks[doc.headings[2].block].line, 6, "the fragment's block, moved up");
}

#[test]
fn a_first_chapter_that_does_not_open_with_the_title_loses_nothing() {
    // The title is named further on, and an author's name opens a line of the text.
    let book = Book::new(3, "呼兰河传", "萧红")
        .chapter("ch1.xhtml", "<h1>第一章</h1><p>呼兰河传</p><p>萧红</p><p>正文。</p>")
        .entry(0, "第一章", "ch1.xhtml");
    let dir = tempfile::tempdir().unwrap();
    let doc = open(&write(dir.path(), &book), None).unwrap();
    let texts: Vec<String> = blocks(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, ["呼兰河传", "萧红", "第一章", "呼兰河传", "萧红", "正文。"]);
    // A book that is its title page and nothing else keeps it.
    let book = Book::new(3, "呼兰河传", "萧红").chapter("t.xhtml", "<h1>呼兰河传</h1><p>萧红</p>");
    let doc = open(&write(dir.path(), &book), None).unwrap();
    assert_eq!(doc.blocks.len(), 4);
}

#[test]
fn the_binary_dumps_the_title_and_author_once() {
    let book = Book::new(3, "三国演义", "罗贯中")
        .chapter("title_page.xhtml", r#"<h1 class="title">三国演义</h1><p class="author">罗贯中</p>"#)
        .chapter("ch1.xhtml", "<h1>第一回 宴桃园豪杰三结义</h1><p>话说天下大势，分久必合，合久必分。</p>")
        .entry(0, "三国演义", "title_page.xhtml")
        .entry(0, "第一回 宴桃园豪杰三结义", "ch1.xhtml");
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), &book);
    let out = common::stdout_of(&["dump", p.to_str().unwrap(), "--width", "60"]);
    let top: Vec<&str> = out.lines().take(5).collect();
    assert_eq!(top, ["三国演义", "", "罗贯中", "", "第一回 宴桃园豪杰三结义"]);
}
