//! Headings and sections: which blocks are the title, subtitle, headings and byline.
//!
//! Measured on the labelled corpus (`tests/corpus/`, `cargo run --release --example eval`):
//! every rule below holds on news reports, official documents, encyclopedia articles and
//! novels alike, never on one text. Families of headings, by rules on a block's own text
//! and its neighbours, never by line numbers:
//! - novel chapters: `第一回 …`, `第十二章`, `第3节`, `卷一`, `序章`, `楔子`, `尾声`, `番外`,
//!   `目录` … (Chinese, Arabic or financial numerals; a title after a space; a web download's
//!   `正文 ` before the marker), and numbers alone on their lines (`一`, `01`) that run in
//!   sequence;
//! - numbered headings: `一、…`, `（一）…`, `1. …`, `1 历史`, `2.1 含义` (level by style and
//!   depth). Numbers follow their sequence rather than a length limit: a strict line
//!   (short, a title, no sentence end) heads a section on its own; lines whose numbers run
//!   1, 2, 3 … under the same parent head sections even when long or ending in `。`, as
//!   long as each is one sentence (a run-in `（一）` opening a paragraph is not); lines that
//!   follow each other directly are a list, unless they go on with a run under way (`8
//!   注释`, `9 参考文献` at an article's end);
//! - the title of a document a notice carries: a line named earlier in 《》;
//! - an official document's title set over two or three lines (`国务院办公厅关于印发` /
//!   `《……行动方案》的通知`): the lines run on until the one ending in the document's kind
//!   (通知, 意见, 决定 …), all of them the title (`official`);
//! - Markdown `#` headings in `.md` files (the `#` markup and wrapping emphasis are left
//!   out of the block's range, so they are not shown).
//!
//! A heading line that comes again further on is an entry of a table of contents and heads
//! nothing where it is listed.
//!
//! When none of these is found the news rules apply: the first line that is not a rule or a
//! site's notice is the title when short (it may ask or exclaim), a short second line its
//! subtitle; a short line before a paragraph (or before a short sentence) is a section
//! heading, two short lines before a paragraph one heading set over two lines, and a short
//! last line naming reporters the byline. Lines that lead in (`：`, `——`), dialogue
//! (`“那我们下午再来。”`), captions, datelines, sources and editors' notes never head.
//!
//! Work is proportional to the number of blocks: every test looks at the first few
//! characters of a block or rejects it by its byte length, so a 50 MB novel classifies
//! in a few milliseconds.

use std::collections::HashMap;

mod lines;
mod official;
mod sparse;

/// A byline (记者, 编辑, 作者, 来源 …), judged on its own line; also what a web page's
/// article keeps of the lines around it.
pub use self::lines::is_byline;
use self::lines::*;
use self::sparse::Sparse;
use super::model::{Block, BlockKind, Heading};

/// The block earlier versions took for the title of a text whose title is block `title`:
/// the line opening an official document's masthead above it (see `official::masthead`:
/// the issuer's mark and the document's number), when that line could be a title, else
/// the title's first line; `None` when they took none: a masthead opening with the
/// document's number, which is no title's line, left the text named by its file.
pub fn legacy_title_block(doc: &super::model::Document, title: usize) -> Option<usize> {
    let t = |i: usize| doc.block_text(i);
    let Some(top) = (0..title).find(|&i| !is_decoration(t(i))) else { return Some(title) };
    let lines: Vec<&str> = (top..doc.blocks.len().min(title + 3)).map(t).collect();
    if top + official::masthead(&lines) != title { Some(title) } else { is_title_line(t(top)).then_some(top) }
}

/// Whether `doc` reads as a novel: a heading is a chapter line (第一回, 第三章, 卷一 …) and
/// no paragraph is an article of a regulation (第一条), whose 第一章 总则 is no chapter of a
/// story.
pub fn has_novel_chapters(doc: &super::model::Document) -> bool {
    let mut chapters = false;
    for (i, b) in doc.blocks.iter().enumerate() {
        let s = doc.block_text(i).trim();
        if let Some(r) = s.strip_prefix('第') {
            let (rest, n) = skip_while(r, is_numeral);
            if n > 0 && rest.starts_with(['条', '條']) {
                return false;
            }
        }
        if matches!(b.kind, BlockKind::Heading { .. }) && chapter(s).is_some_and(|t| t != Tier::Special) {
            chapters = true;
        }
    }
    chapters
}

/// Classifies Markdown headings in place; returns the outline, empty when the text has
/// no `#` headings (then the plain-text rules apply).
fn classify_markdown(text: &str, blocks: &mut [Block]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut fence: Option<&str> = None;
    for (i, b) in blocks.iter_mut().enumerate() {
        let s = &text[b.start..b.end];
        if let Some(f) = fence {
            if s.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if s.starts_with("```") || s.starts_with("~~~") {
            fence = Some(&s[..3]);
            continue;
        }
        // Indented by four spaces or a tab: a code block, not a heading.
        let line_start = text[..b.start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let indent = &text[line_start..b.start];
        if indent.starts_with("    ") || indent.starts_with('\t') {
            continue;
        }
        if let Some((level, start, end)) = markdown_heading(s) {
            let base = b.start;
            b.start = base + start;
            b.end = base + end;
            b.kind = BlockKind::Heading { level };
            headings.push(Heading { level, block: i });
        }
    }
    // One level-1 heading at the very top is the document's title.
    let ones = headings.iter().filter(|h| h.level == 1).count();
    if ones == 1 && headings.first().is_some_and(|h| h.level == 1 && h.block == 0) {
        blocks[0].kind = BlockKind::Title;
    }
    headings
}

/// Classifies blocks in place and returns the outline (title, then headings).
///
/// `markdown`: the text is a `.md` file, whose `#` headings win over the other rules.
pub fn classify(text: &str, blocks: &mut [Block], markdown: bool) -> Vec<Heading> {
    let n = blocks.len();
    if n == 0 {
        return Vec::new();
    }
    if markdown {
        let headings = classify_markdown(text, blocks);
        if !headings.is_empty() {
            return headings;
        }
    }
    let t = |b: &Block| &text[b.start..b.end];
    // What each block may be, in one pass over the text (each pass over a big text's
    // blocks costs a cache miss per block). Few blocks are any of these: a bit a block says
    // which are, the values are kept apart.
    let mut chapters: Sparse<Tier> = Sparse::with_capacity(n);
    let mut numbered_lines: Sparse<Numbered> = Sparse::with_capacity(n);
    let mut styles: Sparse<Numbering> = Sparse::with_capacity(n);
    let mut attached: Sparse<()> = Sparse::with_capacity(n);
    let mut titles = AttachedTitles::new();
    for b in blocks.iter() {
        let s = t(b);
        attached.push((titles.feed(s) && attached.len() > 0).then_some(()));
        let marked = chapter(s);
        let ch = marked.or_else(|| {
            (at_most_chars(s, 6) && matches!(folded(s).as_str(), "目录" | "目次")).then_some(Tier::Special)
        });
        let numbered = if marked.is_some() {
            None
        } else {
            numbered_line(s).or_else(|| {
                bare_number(s).map(|value| Numbered {
                    style: Numbering::Bare,
                    value,
                    parent: 0,
                    strict: false,
                    alone: true,
                })
            })
        };
        chapters.push(ch);
        let style = numbered.map(|l| l.style).or_else(|| numbering_of(s).map(|(style, ..)| style));
        styles.push(style.or_else(|| labelled_list(s)));
        numbered_lines.push(numbered);
    }
    // A table of contents: a heading line that comes again further on heads nothing where
    // it is listed.
    let mut last_seen: HashMap<String, usize> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if chapters.get(i).is_some() || numbered_lines.get(i).is_some() {
            last_seen.insert(folded(t(b)), i);
        }
    }
    let listed = |i: usize| {
        chapters.get(i).is_some() || numbered_lines.get(i).is_some_and(|l| l.style != Numbering::Bare)
    };
    let toc: Vec<usize> = (0..n)
        .filter(|&i| {
            listed(i)
                && (i.checked_sub(1).is_some_and(listed) || (i + 1 < n && listed(i + 1)))
                && last_seen.get(&folded(t(&blocks[i]))).is_some_and(|&j| j > i)
        })
        .collect();
    for i in toc {
        chapters.clear(i);
        numbered_lines.clear(i);
        styles.clear(i);
    }
    let accepted = accept_numbered(&numbered_lines, &styles);
    let structural: Vec<(usize, Candidate)> = (0..n)
        .filter_map(|i| {
            let c = if let Some(tier) = chapters.get(i) {
                Candidate::Chapter(tier)
            } else if accepted[i] {
                Candidate::Numbered(numbered_lines.get(i)?.style)
            } else if attached.get(i).is_some() {
                Candidate::Attached
            } else {
                return None;
            };
            Some((i, c))
        })
        .collect();

    let mut headings = Vec::new();
    if n > 1 && numbered_lines.get(n - 1).is_none() && is_byline(t(&blocks[n - 1])) {
        blocks[n - 1].kind = BlockKind::Byline;
    }
    // The title is the first line that is not a rule or a site's notice, nor an official
    // document's masthead (the issuer's mark and the document's number above its title).
    let top = blocks.iter().position(|b| !is_decoration(t(b))).unwrap_or(0);
    let head: Vec<&str> = blocks[top..n.min(top + 3 + 3)].iter().map(&t).collect();
    let top = top + official::masthead(&head);
    let mut first_body = 0;
    let heading_at = |i: usize| structural.iter().any(|&(j, _)| j == i);
    if !heading_at(top) && top + 1 < n && is_title_line(t(&blocks[top])) {
        blocks[top].kind = BlockKind::Title;
        headings.push(Heading { level: 1, block: top });
        // An official document's title set over lines: every line of it is the title's.
        let lines: Vec<&str> = blocks[top..n.min(top + 4)].iter().map(&t).collect();
        let end = top + official::title_end(&lines, |i| heading_at(top + i));
        for b in &mut blocks[top + 1..=end] {
            b.kind = BlockKind::Title;
        }
        first_body = end + 1;
        let sub = top + 1;
        if end == top
            && sub + 1 < n
            && !heading_at(sub)
            && is_title_line(t(&blocks[sub]))
            && !is_short_line(t(&blocks[sub + 1]))
        {
            blocks[sub].kind = BlockKind::Subtitle;
            first_body = sub + 1;
        }
    }
    let base = if headings.is_empty() { 1 } else { 2 };

    if !structural.is_empty() {
        let special = structural
            .iter()
            .filter(|&&(_, c)| !matches!(c, Candidate::Chapter(Tier::Special) | Candidate::Attached))
            .map(|&(_, c)| rank(c, 0))
            .min()
            .unwrap_or(1 + Tier::Chapter as u8);
        let mut ranks: Vec<u8> = structural.iter().map(|&(_, c)| rank(c, special)).collect();
        ranks.sort_unstable();
        ranks.dedup();
        for (i, c) in structural {
            if i < first_body {
                continue;
            }
            let r = rank(c, special);
            let depth = ranks.partition_point(|&x| x < r) as u8;
            let level = base + depth;
            blocks[i].kind = BlockKind::Heading { level };
            headings.push(Heading { level, block: i });
            // A chapter marker alone on its line (`第一回`) with its title on the next.
            if matches!(c, Candidate::Chapter(_))
                && chapter_marker_only(t(&blocks[i]))
                && blocks
                    .get(i + 1)
                    .is_some_and(|b| is_short_line(t(b)) && blocks[i + 1].kind == BlockKind::Body)
            {
                blocks[i + 1].kind = BlockKind::Heading { level };
            }
        }
        return headings;
    }

    news_headings(text, blocks, first_body, &mut headings);
    headings
}

/// The titles of documents that the text carries: a short line whose words were named
/// earlier in 《》 (`现将《国家职业教育改革实施方案》印发给你们` … `国家职业教育改革实施方案`),
/// spaces aside (`国 务 院 工 作 规 则`). Fed block by block, in order.
struct AttachedTitles {
    named: std::collections::HashSet<String>,
    open_mark: memchr::memmem::Finder<'static>,
}

impl AttachedTitles {
    fn new() -> Self {
        AttachedTitles { named: Default::default(), open_mark: memchr::memmem::Finder::new("《") }
    }

    /// Whether block `s` is the title of a document named before it; then notes the names
    /// it gives in 《》.
    fn feed(&mut self, s: &str) -> bool {
        let attached =
            !self.named.is_empty() && at_most_chars(s, MAX_HEADING_CHARS) && self.named.contains(&folded(s));
        let mut rest = s;
        while let Some(open) = self.open_mark.find(rest.as_bytes()) {
            let after = &rest[open + '《'.len_utf8()..];
            let Some(close) = after.find('》') else { break };
            let name = &after[..close];
            if at_most_chars(name, MAX_HEADING_CHARS) {
                self.named.insert(folded(name));
            }
            rest = &after[close..];
        }
        attached
    }
}

/// Which numbered lines head sections: their numbers run in sequence (1, 2, 3 …, each
/// style counted on its own, a 1 starting a new run), and
/// - a run of two or more whose lines each stand alone (one sentence at most) heads
///   sections, long or ending in 。 as they may be (`（一）…。` standing alone, a long
///   `四、…` between `三、` and `五、`);
/// - a strict line (short, a title, no sentence end) heads a section on its own;
/// - lines that follow each other directly and start a new run are a list, not headings,
///   unless they go on with a run already under way (`8 注释`, `9 参考文献`, `10 外部链接`
///   at the end of an encyclopedia article).
///
/// `styles` holds every line's numbering style whatever its length, for finding lists.
fn accept_numbered(lines: &Sparse<Numbered>, styles: &Sparse<Numbering>) -> Vec<bool> {
    let n = lines.len();
    let mut accepted = vec![false; n];
    let adjacent_same =
        |i: usize, j: usize| matches!((styles.get(i), styles.get(j)), (Some(a), Some(b)) if a == b);
    // Lists: runs of adjacent lines of one style. Each run is kept whole or dropped whole.
    let mut in_list = vec![false; n];
    let mut i = 0;
    while i < n {
        if styles.get(i).is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n && adjacent_same(j, j + 1) {
            j += 1;
        }
        if j > i {
            in_list[i..=j].fill(true);
        }
        i = j + 1;
    }
    // Runs of numbers in sequence, per style.
    let mut distinct: Vec<Numbering> = lines.present().map(|(_, l)| l.style).collect();
    distinct.sort();
    distinct.dedup();
    for style in distinct {
        let members: Vec<usize> = lines.present().filter(|(_, l)| l.style == style).map(|(i, _)| i).collect();
        // The sequence runs: indices into `members`.
        let mut runs: Vec<Vec<usize>> = Vec::new();
        // Runs by the (parent, number) they wait for next, so finding a run is not a walk
        // over all of them (a novel has thousands of one-line runs).
        let mut waiting: HashMap<(u64, u32), Vec<usize>> = HashMap::new();
        let mut run_of: HashMap<usize, usize> = HashMap::new();
        for &i in &members {
            let Some(l) = lines.get(i) else { continue };
            let candidates = waiting.get(&(l.parent, l.value)).map(Vec::as_slice).unwrap_or_default();
            // A list item goes on with the item just above it, or starts a run of its own.
            let above = i
                .checked_sub(1)
                .filter(|&p| in_list[i] && in_list[p] && lines.get(p).is_some_and(|l| l.style == style))
                .and_then(|p| run_of.get(&p).copied())
                .filter(|r| candidates.contains(r));
            // Else the latest run ending in the number before it, a run outside lists first
            // (a list's `6.` does not take a section's `7`).
            let last_outside = |&&r: &&usize| runs[r].last().is_some_and(|&p: &usize| !in_list[p]);
            let pick = above
                .or_else(|| candidates.iter().filter(last_outside).max().copied())
                .or_else(|| candidates.iter().max().copied());
            let r = match pick {
                Some(r) => {
                    if let Some(v) = waiting.get_mut(&(l.parent, l.value)) {
                        v.retain(|&x| x != r);
                    }
                    runs[r].push(i);
                    r
                }
                None => {
                    runs.push(vec![i]);
                    runs.len() - 1
                }
            };
            run_of.insert(i, r);
            if let Some(next) = l.value.checked_add(1) {
                waiting.entry((l.parent, next)).or_default().push(r);
            }
        }
        for run in runs {
            let standing = |i: usize| lines.get(i).is_some_and(|l| l.strict || l.alone);
            // Members outside lists, and list members that continue the run after it
            // has shown itself outside a list.
            let mut seen_outside = false;
            let mut keep = Vec::new();
            for &i in &run {
                if !in_list[i] {
                    seen_outside = true;
                    keep.push(i);
                } else if seen_outside {
                    keep.push(i);
                }
            }
            let headed = keep.len() >= 2 && keep.iter().all(|&i| standing(i));
            for &i in &keep {
                let strict_alone = lines.get(i).is_some_and(|l| l.strict && l.style != Numbering::Bare);
                if headed || (strict_alone && !in_list[i] && i + 1 < n) {
                    accepted[i] = true;
                }
            }
        }
    }
    accepted
}

/// Headings of a text without numbered or chapter headings (a news report): a short line
/// (or one that asks or exclaims) before a paragraph, or before a short paragraph that is
/// a sentence; a heading set over two short lines is one entry at its first line, the
/// second kept with it.
fn news_headings(text: &str, blocks: &mut [Block], first_body: usize, headings: &mut Vec<Heading>) {
    let t = |b: &Block| &text[b.start..b.end];
    let n = blocks.len();
    let candidate = |s: &str| (is_short_line(s) || is_short_exclaim(s)) && !is_furniture(s);
    let mut i = first_body;
    while i < n {
        if blocks[i].kind != BlockKind::Body || !candidate(t(&blocks[i])) {
            i += 1;
            continue;
        }
        let next = blocks.get(i + 1).map(&t);
        // A paragraph: long, or a sentence (a long `本报讯（记者 …）…` opens a report).
        let is_body = |s: Option<&str>| {
            s.is_some_and(|s| {
                let short_furniture = is_furniture(s) && at_most_chars(s, MAX_HEADING_CHARS);
                !(is_short_line(s) || is_short_exclaim(s) || short_furniture)
            })
        };
        if is_body(next) {
            blocks[i].kind = BlockKind::Heading { level: 2 };
            headings.push(Heading { level: 2, block: i });
            i += 2;
            continue;
        }
        // Two short lines, then a paragraph: one heading set over two lines.
        if next.is_some_and(|s| is_short_line(s) && !is_furniture(s))
            && is_body(blocks.get(i + 2).map(&t))
            && blocks[i + 1].kind == BlockKind::Body
        {
            blocks[i].kind = BlockKind::Heading { level: 2 };
            blocks[i + 1].kind = BlockKind::Heading { level: 2 };
            headings.push(Heading { level: 2, block: i });
            i += 3;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests;
