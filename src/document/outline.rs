//! Headings and sections: which blocks are the title, subtitle, headings and byline.

use super::{Block, BlockKind, Heading};

/// Longest block (in characters) that can be a title, subtitle or heading.
const MAX_HEADING_CHARS: usize = 40;

fn is_short_line(s: &str) -> bool {
    let n = s.chars().count();
    n <= MAX_HEADING_CHARS
        && !s.ends_with(['。', '！', '？', '；', '.', '!', '?', ';', ':', '：', ',', '，', '…'])
}

fn is_byline(s: &str) -> bool {
    s.chars().count() <= 80
        && ["记者", "通讯员", "编辑", "作者", "来源"].iter().any(|w| s.contains(w))
        && !s.ends_with('。')
}

/// Classifies blocks in place and returns the outline (title, then headings).
///
/// The news-article rules: the first block is the title when it is short; a second short
/// block is its subtitle; a later short block that does not end a sentence is a section
/// heading; a short last block naming reporters is the byline.
pub fn classify(text: &str, blocks: &mut [Block], markdown: bool) -> Vec<Heading> {
    let _ = markdown;
    let mut headings = Vec::new();
    let n = blocks.len();
    if n == 0 {
        return headings;
    }
    let t = |b: &Block| &text[b.start..b.end];
    if n > 1 && is_byline(t(&blocks[n - 1])) {
        blocks[n - 1].kind = BlockKind::Byline;
    }
    let mut first_body = 0;
    if is_short_line(t(&blocks[0])) && n > 1 {
        blocks[0].kind = BlockKind::Title;
        headings.push(Heading { level: 1, block: 0 });
        first_body = 1;
        if n > 2 && is_short_line(t(&blocks[1])) && !is_short_line(t(&blocks[2])) {
            blocks[1].kind = BlockKind::Subtitle;
            first_body = 2;
        }
    }
    for i in first_body..n {
        if blocks[i].kind != BlockKind::Body {
            continue;
        }
        let next_is_body = blocks.get(i + 1).is_some_and(|b| !is_short_line(t(b)));
        if is_short_line(t(&blocks[i])) && next_is_body {
            blocks[i].kind = BlockKind::Heading { level: 2 };
            headings.push(Heading { level: 2, block: i });
        }
    }
    headings
}
