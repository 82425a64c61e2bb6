//! The corpus's EPUB books (tests/corpus/books: made by pandoc from public-domain texts of
//! the corpus, see SOURCES.md): the outline is the book's table of contents as its label
//! lists it, each entry at the heading it names, under the title from the package.

use std::path::Path;

use yuedu::document::BlockKind;

#[derive(serde::Deserialize)]
struct Label {
    title: String,
    author: String,
    epub_version: u8,
    heading: Vec<Entry>,
}

#[derive(serde::Deserialize)]
struct Entry {
    level: u8,
    text: String,
}

fn check(id: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/books");
    let label: Label =
        toml::from_str(&std::fs::read_to_string(dir.join(format!("{id}.toml"))).unwrap()).unwrap();
    let path = dir.join(format!("{id}.epub"));
    // The book is of the version its label says (the package document's `version`).
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut opf = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("EPUB/content.opf").unwrap(), &mut opf).unwrap();
    assert!(opf.contains(&format!("<package version=\"{}.0\"", label.epub_version)), "{id}");

    let doc = yuedu::document::open::open(&path, None).unwrap();
    assert_eq!(doc.title(), label.title);
    assert_eq!(doc.name, format!("{} — {}", label.title, label.author));
    let got: Vec<(u8, String)> =
        doc.headings.iter().map(|h| (h.level, doc.heading_text(h).into_owned())).collect();
    let mut want: Vec<(u8, String)> = vec![(1, label.title.clone())];
    want.extend(label.heading.iter().map(|e| (e.level + 1, e.text.clone())));
    assert_eq!(got, want, "{id}");
    // The title and the author are shown once (pandoc's title page repeats them), before
    // the first entry of the contents.
    let first = doc.headings[1].block;
    let before: Vec<&str> = (0..first).map(|i| doc.block_text(i)).collect();
    assert_eq!(before, [label.title.as_str(), label.author.as_str()], "{id}");
    assert_eq!(doc.blocks[0].kind, BlockKind::Title, "{id}");
    assert_eq!(doc.blocks[1].kind, BlockKind::Subtitle, "{id}");
    for h in &doc.headings[1..] {
        assert!(
            matches!(doc.blocks[h.block].kind, BlockKind::Heading { .. }),
            "{id}: {}",
            doc.heading_text(h)
        );
    }
}

#[test]
fn hulanhe_epub3_outline_is_its_nested_table_of_contents() {
    check("book-01-hulanhe");
}

#[test]
fn sanguo_epub2_outline_is_its_ncx() {
    check("book-02-sanguo");
}
