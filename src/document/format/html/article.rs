//! Finding the article on a parsed page, and handing it to the converter.
//!
//! 1. One pass over the tree measures every element: its text (in characters), the part of
//!    it inside links, whether it holds block elements, and whether it or an element around
//!    it is named as page furniture (a class or id word such as `share`, `comment`,
//!    `related`, `recommend`, `rank`, `hot`, `ad`, `footer`, `nav`, `crumbs`; [`NEGATIVE`]).
//! 2. The body is the element whose paragraphs weigh most (Readability's measure: each
//!    paragraph of ten characters or more scores 1, one per comma or full stop and up to 3
//!    for its length, for its parent, half for its grandparent; links weigh against).
//! 3. The title is the page's `h1` (the one its `og:title` or `<title>` names, when there
//!    are several), else `og:title`, else `<title>` without the site's name.
//! 4. The article is the smallest element holding both, read in document order: what comes
//!    before the title is left out; between the title and the body only the subtitle or lead,
//!    subheads and the byline and date lines are kept; in the body everything but furniture
//!    and link lists; after it only byline lines (责任编辑, 作者, 来源 …).

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::super::builder::Builder;
use super::super::markup::{self, Options, collapse, is_block, is_noise};
use crate::document::model::{BlockKind, Loc};
use crate::document::outline::is_byline;

/// Class and id words that name page furniture, not the article.
const NEGATIVE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "collect",
    "comment",
    "comments",
    "copyright",
    "correlation",
    "crumb",
    "crumbs",
    "download",
    "dz",
    "favorite",
    "follow",
    "font",
    "fontsize",
    "foot",
    "footer",
    "gg",
    "hot",
    "hotlist",
    "hotnews",
    "keyword",
    "keywords",
    "like",
    "login",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "pager",
    "pagination",
    "position",
    "praise",
    "print",
    "qrcode",
    "rank",
    "ranking",
    "recommend",
    "related",
    "relate",
    "reply",
    "report",
    "right",
    "search",
    "share",
    "sharing",
    "sidebar",
    "size",
    "sponsor",
    "statement",
    "subscribe",
    "tag",
    "tags",
    "toolbar",
    "tools",
    "zan",
];

/// Class and id words of a lead or subtitle under the title.
const LEAD: &[&str] = &[
    "summary",
    "intro",
    "lead",
    "desc",
    "description",
    "digest",
    "abstract",
    "subtitle",
    "subhead",
    "daoyu",
];

/// What the first pass knows of an element.
#[derive(Debug, Default, Clone, Copy)]
struct Stat {
    /// Its index in document order.
    ordinal: u32,
    /// The index of the last element inside it (itself when it has none).
    last: u32,
    /// Characters of text in it, whitespace not counted.
    chars: u32,
    /// Of those, characters inside links.
    link_chars: u32,
    /// Whether it holds a block element.
    has_block: bool,
    /// Whether it or an element around it is named as furniture.
    negative: bool,
}

impl Stat {
    fn link_density(&self) -> f64 {
        if self.chars == 0 { 0.0 } else { f64::from(self.link_chars) / f64::from(self.chars) }
    }
}

/// Appends the article of `page` to `b`.
pub(super) fn append(b: &mut Builder, page: &Html) {
    let stats = measure(page);
    let stat = |el: ElementRef<'_>| stats.get(&el.id()).copied();
    let body = best_body(page, &stats);
    let page_title = page_title(page);
    let h1 = title_heading(page, &stats, page_title.as_deref());
    let root = match (h1, body) {
        (Some(h), Some(body)) => common_ancestor(h, body),
        (Some(h), None) => h.parent().and_then(ElementRef::wrap).unwrap_or(h),
        (None, Some(body)) => body,
        (None, None) => {
            let html = page.root_element();
            html.child_elements().find(|el| el.value().name() == "body").unwrap_or(html)
        }
    };
    // The title a page without an `h1` is given, and its characters (whitespace not counted).
    let title_text = page_title.filter(|_| h1.is_none()).map(|t| {
        let n = u32::try_from(t.chars().filter(|c| !c.is_whitespace()).count()).unwrap_or(u32::MAX);
        (t, n)
    });
    if let Some((t, _)) = &title_text {
        b.push_line(t, Loc::Element { part: 0, element: 0 }, BlockKind::Title);
    }
    let mut protected: HashSet<NodeId> = HashSet::new();
    for el in [h1, body].into_iter().flatten() {
        protected.insert(el.id());
        protected.extend(el.ancestors().map(|a| a.id()));
    }
    let title_at = h1.and_then(stat).map(|s| (s.ordinal, s.last));
    let body_at = body.and_then(stat).map(|s| (s.ordinal, s.last));
    let region = |s: &Stat| -> Region {
        if let Some((t0, _)) = title_at
            && s.last < t0
        {
            return Region::Before;
        }
        match body_at {
            Some((b0, b1)) if s.ordinal >= b0 && s.ordinal <= b1 => Region::Body,
            Some((_, b1)) if s.ordinal > b1 => Region::After,
            Some(_) if title_at.is_some() => Region::Header,
            Some(_) => Region::Before,
            None => Region::Body,
        }
    };
    let parent_has_block = |el: ElementRef<'_>| {
        el.parent().and_then(ElementRef::wrap).and_then(stat).is_none_or(|p| p.has_block)
    };
    let skip = |el: ElementRef<'_>| -> bool {
        if protected.contains(&el.id()) {
            return false;
        }
        let Some(s) = stat(el) else { return false };
        let own_negative = words(el).any(|w| NEGATIVE.contains(&w.as_str()));
        let name = el.value().name();
        match region(&s) {
            Region::Before => true,
            Region::Body => {
                own_negative
                    || (is_block(name) && s.chars > 0 && s.link_density() > 0.5)
                    || title_text.as_ref().is_some_and(|(t, n)| {
                        !s.has_block && s.chars == *n && parent_has_block(el) && text_of(el) == *t
                    })
            }
            Region::Header | Region::After if own_negative => true,
            // Only whole lines are judged: what is inside a kept line stays.
            Region::Header | Region::After if s.has_block || !parent_has_block(el) => false,
            Region::Header => !(is_byline(&text_of(el)) || is_date_line(&text_of(el)) || is_subtitle(el)),
            Region::After => !is_byline(&text_of(el)),
        }
    };
    let kind = |el: ElementRef<'_>| -> Option<BlockKind> {
        if Some(el.id()) == h1.map(|h| h.id()) {
            return Some(BlockKind::Title);
        }
        let s = stat(el)?;
        match region(&s) {
            Region::Header if is_subtitle(el) => Some(BlockKind::Subtitle),
            Region::Header | Region::After if !s.has_block => Some(BlockKind::Byline),
            Region::Body if el.value().name() == "h1" => Some(BlockKind::Heading { level: 2 }),
            Region::Body if !s.has_block && s.chars <= 40 && is_bold_subhead(el) => {
                Some(BlockKind::Heading { level: 2 })
            }
            _ => None,
        }
    };
    let opts = Options { part: 0, skip: Some(&skip), kind: Some(&kind) };
    let converted = markup::append(b, *root, &opts);
    // Byline lines that end the body (an editor's line inside the article's markup).
    for i in converted.blocks.rev() {
        let blk = &b.blocks[i];
        if !matches!(blk.kind, BlockKind::Body | BlockKind::Byline) || !is_byline(&b.text[blk.start..blk.end])
        {
            break;
        }
        b.blocks[i].kind = BlockKind::Byline;
    }
}

/// Where an element stands against the title and the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    /// Before the title (the site's header, navigation, breadcrumbs).
    Before,
    /// Between the title and the body.
    Header,
    /// Inside the body.
    Body,
    /// After the body.
    After,
}

/// Gives the headings below the title the levels 2, 3, … in the order of their markup
/// levels, so a page whose subheads are `h3` has them as sections.
pub(super) fn level_headings(b: &mut Builder) {
    let mut levels: Vec<u8> = b
        .blocks
        .iter()
        .filter_map(|blk| match blk.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        })
        .collect();
    levels.sort_unstable();
    levels.dedup();
    for blk in &mut b.blocks {
        if let BlockKind::Heading { level } = blk.kind {
            let rank = levels.iter().position(|&l| l == level).unwrap_or(0);
            blk.kind = BlockKind::Heading { level: u8::try_from(rank + 2).unwrap_or(u8::MAX) };
        }
    }
}

/// The first pass: every element's [`Stat`], without recursion.
fn measure(page: &Html) -> HashMap<NodeId, Stat> {
    let mut stats = HashMap::new();
    let mut stack: Vec<(NodeId, Stat, bool)> = Vec::new();
    let mut ordinal = 0u32;
    let mut skipping: Option<NodeId> = None;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => {
                        if let Some(top) = stack.last_mut() {
                            let c = t.chars().filter(|c| !c.is_whitespace()).count();
                            top.1.chars = top.1.chars.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
                        }
                    }
                    Node::Element(_) => {
                        let Some(el) = ElementRef::wrap(n) else { continue };
                        if is_noise(el) {
                            skipping = Some(n.id());
                            continue;
                        }
                        let negative = stack.last().is_some_and(|t| t.1.negative)
                            || words(el).any(|w| NEGATIVE.contains(&w.as_str()));
                        let s = Stat { ordinal, last: ordinal, negative, ..Stat::default() };
                        ordinal = ordinal.saturating_add(1);
                        stack.push((n.id(), s, el.value().name() == "a"));
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() || !n.value().is_element() {
                    continue;
                }
                let Some((id, mut s, link)) = stack.pop() else { continue };
                s.last = ordinal.saturating_sub(1);
                if link {
                    s.link_chars = s.chars;
                }
                let block = ElementRef::wrap(n).is_some_and(|el| is_block(el.value().name()));
                if let Some(parent) = stack.last_mut() {
                    parent.1.chars = parent.1.chars.saturating_add(s.chars);
                    parent.1.link_chars = parent.1.link_chars.saturating_add(s.link_chars);
                    parent.1.has_block |= block || s.has_block;
                }
                stats.insert(id, s);
            }
        }
    }
    stats
}

/// The element whose paragraphs weigh most, if the page has paragraphs.
fn best_body<'a>(page: &'a Html, stats: &HashMap<NodeId, Stat>) -> Option<ElementRef<'a>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for n in page.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(n) else { continue };
        let Some(s) = stats.get(&n.id()) else { continue };
        let name = el.value().name();
        let paragraph = name == "p" || (matches!(name, "div" | "td" | "section" | "article") && !s.has_block);
        if !paragraph || s.negative || s.chars < 10 || s.link_density() > 0.5 {
            continue;
        }
        let text = text_of(el);
        let commas = text.chars().filter(|c| matches!(c, '，' | '。' | ',' | '；' | '、')).count();
        let score = 1.0 + commas as f64 + (f64::from(s.chars) / 100.0).min(3.0);
        let mut up = el.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = up.next() {
            *scores.entry(parent.id()).or_default() += score;
            if let Some(grand) = up.next() {
                *scores.entry(grand.id()).or_default() += score / 2.0;
            }
        }
    }
    scores
        .into_iter()
        .filter_map(|(id, score)| {
            let s = stats.get(&id)?;
            (!s.negative).then_some((id, score * (1.0 - s.link_density())))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .and_then(|(id, _)| page.tree.get(id))
        .and_then(ElementRef::wrap)
}

/// The page's own title: `og:title`, else `<title>` without the site's name.
fn page_title(page: &Html) -> Option<String> {
    let head = page.root_element();
    let og = head
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|el| el.value().name() == "meta" && el.value().attr("property") == Some("og:title"))
        .and_then(|el| el.value().attr("content"))
        .map(collapse)
        .filter(|t| !t.is_empty());
    og.or_else(|| {
        let title =
            head.descendants().filter_map(ElementRef::wrap).find(|el| el.value().name() == "title")?;
        let t = strip_site_name(&text_of(title));
        (!t.is_empty()).then_some(t)
    })
}

/// `<title>` text without the site's name: what comes before the first `_`, ` - `, `|`,
/// `｜` or ` — ` (`标题_新闻频道_央视网(cctv.com)`, `标题 - 第一财经`).
pub(super) fn strip_site_name(title: &str) -> String {
    let cut = ["_", " - ", "|", "｜", " — ", " -- "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .filter(|&i| i > 0)
        .min();
    cut.map_or(title, |i| &title[..i]).trim().to_string()
}

/// The page's title heading: the `h1` that the page's title names, else the first `h1`
/// with words (outside the furniture).
fn title_heading<'a>(
    page: &'a Html,
    stats: &HashMap<NodeId, Stat>,
    page_title: Option<&str>,
) -> Option<ElementRef<'a>> {
    let h1s: Vec<ElementRef<'a>> = page
        .tree
        .root()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| el.value().name() == "h1")
        .filter(|el| stats.get(&el.id()).is_some_and(|s| !s.negative && s.chars >= 2))
        .collect();
    let named = page_title.and_then(|t| {
        h1s.iter().copied().find(|h| {
            let h = text_of(*h);
            !h.is_empty() && (t.contains(h.as_str()) || h.contains(t))
        })
    });
    named.or_else(|| h1s.first().copied())
}

/// The nearest element holding both `a` and `b`.
fn common_ancestor<'a>(a: ElementRef<'a>, b: ElementRef<'a>) -> ElementRef<'a> {
    let mut around_a: HashSet<NodeId> = a.ancestors().map(|n| n.id()).collect();
    around_a.insert(a.id());
    std::iter::once(*b)
        .chain(b.ancestors())
        .find(|n| around_a.contains(&n.id()))
        .and_then(ElementRef::wrap)
        .unwrap_or(b)
}

/// A lead or subtitle under the title: named so, or a lower heading right under it.
fn is_subtitle(el: ElementRef<'_>) -> bool {
    matches!(el.value().name(), "h2" | "h3" | "h4" | "h5" | "h6")
        || words(el).any(|w| LEAD.contains(&w.as_str()))
}

/// A paragraph whose words are all bold, short and not a sentence: a subhead.
fn is_bold_subhead(el: ElementRef<'_>) -> bool {
    if !matches!(el.value().name(), "p" | "div") {
        return false;
    }
    let mut bold = String::new();
    for n in el.descendants() {
        let Some(t) = n.value().as_text() else { continue };
        if t.chars().all(char::is_whitespace) {
            continue;
        }
        let in_bold = n
            .ancestors()
            .take_while(|a| a.id() != el.id())
            .filter_map(ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "strong" | "b"));
        if !in_bold {
            return false;
        }
        bold.push_str(t);
    }
    let bold = collapse(&bold);
    let n = bold.chars().count();
    (2..=40).contains(&n)
        && !bold.ends_with(['。', '！', '？', '；', '，', '：', '.', '!', '?', ';', ',', ':', '…'])
        && !is_byline(&bold)
}

/// A line of a date and time only (`2026-11-25 07:30`, `2026年11月24日 21:18`).
fn is_date_line(s: &str) -> bool {
    let s = s.trim();
    s.chars().count() <= 30
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || "-/:.年月日时分秒".contains(c))
}

/// An element's text, whitespace collapsed.
fn text_of(el: ElementRef<'_>) -> String {
    collapse(&el.text().collect::<String>())
}

/// The words of an element's class and id, lower-cased: split at anything but letters and
/// digits and between a lower-case letter and a capital (`index_shareIcon__wx` → index,
/// share, icon, wx).
fn words(el: ElementRef<'_>) -> impl Iterator<Item = String> + '_ {
    let v = el.value();
    [v.attr("class"), v.attr("id")].into_iter().flatten().flat_map(|s| {
        let mut out = Vec::new();
        let mut word = String::new();
        let mut prev_lower = false;
        for c in s.chars().take(512) {
            if (!c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower)) && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            }
            prev_lower = c.is_ascii_lowercase();
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    })
}
