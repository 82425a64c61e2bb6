//! A book's own title page. The document opens with the book's title and authors from its
//! metadata; a book whose first chapter is a title page (pandoc's and calibre's books: the
//! title in an `h1` or a big paragraph, then the author) would show them twice. The lines of
//! the title page that say the same again are left out of the text: the title, then the
//! lines that name only the book's authors (`萧红`, `作者：老舍`, `罗贯中 著`). The metadata's
//! lines stay, drawn as title and subtitle whatever markup the title page used; a title page
//! that says more (a subtitle, a publisher) keeps those lines.

use std::collections::HashMap;

use crate::document::model::Document;

/// Where the outline's targets point: each chapter's first block (by path) and the offsets
/// of the ids the table of contents names; kept true as blocks are left out.
pub struct Targets<'a> {
    pub starts: &'a mut HashMap<String, usize>,
    pub targets: &'a mut HashMap<(String, String), usize>,
}

/// Words that name an author's part beside the name (`作者：…`, `… 著`).
const ROLE_BEFORE: &[&str] = &["作者：", "作者:", "作者", "著者："];
const ROLE_AFTER: &[&str] = &["编著", "原著", "撰文", "著", "撰", "作"];

/// Whether `line` names nothing but some of `authors` (whitespace and a role word aside).
fn names_only_authors(line: &str, authors: &[String]) -> bool {
    let folded: String = line.split_whitespace().collect();
    let mut s = folded.as_str();
    if let Some(rest) = ROLE_BEFORE.iter().find_map(|r| s.strip_prefix(r)) {
        s = rest;
    } else if let Some(rest) = ROLE_AFTER.iter().find_map(|r| s.strip_suffix(r)) {
        s = rest;
    }
    let names: Vec<String> = authors.iter().map(|a| a.split_whitespace().collect()).collect();
    let mut parts = s.split(['、', '，', ',', '；', ';']).filter(|p| !p.is_empty()).peekable();
    parts.peek().is_some() && parts.all(|p| names.iter().any(|n| n == p))
}

/// Leaves out the lines at `first` (the first chapter's first block) that repeat the
/// book's `title` and then its `authors`, when there is text after them.
pub fn drop_repeats(doc: &mut Document, first: usize, title: &str, authors: &[String], at: Targets<'_>) {
    let same = |i: usize| doc.block_text(i).split_whitespace().eq(title.split_whitespace());
    if title.trim().is_empty() || first >= doc.blocks.len() || !same(first) {
        return;
    }
    let part = |i: usize| doc.blocks[i].loc;
    let mut end = first + 1;
    while end < doc.blocks.len()
        && end <= first + authors.len()
        && same_part(part(first), part(end))
        && names_only_authors(doc.block_text(end), authors)
    {
        end += 1;
    }
    if end < doc.blocks.len() {
        remove_blocks(doc, first..end, at);
    }
}

/// Whether two blocks come from the same file of the book.
fn same_part(a: crate::document::model::Loc, b: crate::document::model::Loc) -> bool {
    use crate::document::model::Loc;
    match (a, b) {
        (Loc::Element { part: p, .. }, Loc::Element { part: q, .. }) => p == q,
        _ => false,
    }
}

/// Removes blocks `range` (not the last block) and their lines from the text, moving the
/// blocks after them, their line numbers and the targets into them back.
fn remove_blocks(doc: &mut Document, range: std::ops::Range<usize>, at: Targets<'_>) {
    let (from, to) = (doc.blocks[range.start].start, doc.blocks[range.end].start);
    let bytes = to - from;
    let lines = doc.blocks[range.end].line - doc.blocks[range.start].line;
    let count = range.len();
    doc.text.replace_range(from..to, "");
    doc.blocks.drain(range.clone());
    for b in &mut doc.blocks[range.start..] {
        b.start -= bytes;
        b.end -= bytes;
        b.line -= lines;
    }
    for v in at.starts.values_mut() {
        if *v >= range.end {
            *v -= count;
        } else if *v >= range.start {
            *v = range.start;
        }
    }
    for v in at.targets.values_mut() {
        if *v >= to {
            *v -= bytes;
        } else if *v >= from {
            *v = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lines_with_or_without_a_role_word() {
        let one = ["萧红".to_string()];
        for s in ["萧红", "萧 红", "作者：萧红", "萧红 著", "萧红著"] {
            assert!(names_only_authors(s, &one), "{s}");
        }
        let two = ["鲁迅".to_string(), "许广平".to_string()];
        assert!(names_only_authors("鲁迅、许广平 著", &two));
        for s in ["", "著", "萧红故居", "萧红与呼兰河", "人民文学出版社"] {
            assert!(!names_only_authors(s, &one), "{s}");
        }
    }
}
