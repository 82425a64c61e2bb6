//! Damaged books: a valid EPUB with bytes changed, cut short or with a byte range
//! repeated opens or is refused with a problem; it never panics, and what opens keeps the
//! document's invariants (blocks in order inside the text, headings in order on blocks).

#[path = "fixtures/epub.rs"]
mod epub;

use proptest::prelude::*;

fn book() -> Vec<u8> {
    epub::Book::new(3, "呐喊", "鲁迅")
        .chapter("a.xhtml", "<h1 id=\"a\">第一章</h1><p>他说：“我不知道。”<ruby>青<rt>qīng</rt></ruby></p>")
        .chapter("b.xhtml", "<h1>第二章</h1><p>一共欠了十九个钱。</p><p id=\"x\">末段。</p>")
        .entry(0, "第一章", "a.xhtml#a")
        .entry(1, "末段", "b.xhtml#x")
        .bytes()
}

#[derive(Debug, Clone)]
enum Damage {
    /// Set the byte at this share of the file to a value.
    Set(f64, u8),
    /// Cut the file at this share.
    Cut(f64),
    /// Repeat the range between two shares after itself.
    Repeat(f64, f64),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0.0..1.0f64, any::<u8>()).prop_map(|(at, b)| Damage::Set(at, b)),
        (0.0..1.0f64).prop_map(Damage::Cut),
        (0.0..1.0f64, 0.0..1.0f64).prop_map(|(a, b)| Damage::Repeat(a.min(b), a.max(b))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn a_damaged_book_opens_or_is_refused_without_panicking(damages in prop::collection::vec(damage(), 1..4)) {
        let mut bytes = book();
        for d in damages {
            let at = |share: f64| ((bytes.len() as f64 * share) as usize).min(bytes.len().saturating_sub(1));
            match d {
                Damage::Set(s, b) => {
                    let i = at(s);
                    if let Some(x) = bytes.get_mut(i) {
                        *x = b;
                    }
                }
                Damage::Cut(s) => bytes.truncate(at(s)),
                Damage::Repeat(a, b) => {
                    let (a, b) = (at(a), at(b));
                    let piece = bytes[a..b].to_vec();
                    bytes.splice(b..b, piece);
                }
            }
        }
        if let Ok(doc) = yuedu::document::format::epub::open("d.epub", std::io::Cursor::new(bytes)) {
            let mut end = 0;
            for b in &doc.blocks {
                prop_assert!(end <= b.start && b.start < b.end && b.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(b.start) && doc.text.is_char_boundary(b.end));
                end = b.end;
            }
            for w in doc.headings.windows(2) {
                prop_assert!(w[0].block < w[1].block);
            }
            prop_assert!(doc.headings.iter().all(|h| h.block < doc.blocks.len()));
        }
    }
}
