//! HTML and XHTML → the reader's blocks: the converter the web-page and EPUB formats share.
//!
//! [`parse`] reads markup leniently, as a browser does (html5ever, the HTML5 parsing
//! algorithm, through `scraper`): unclosed tags, stray end tags and bad nesting all give a
//! tree, never an error. XHTML is read by the same parser after its self-closed elements
//! (`<a id="x"/>`, `<title/>`) are closed, which an HTML parser would otherwise leave open.
//!
//! [`append`] walks a node (the whole document, its `body`, or any subtree) in document order
//! and appends one line of text per block to a [`Builder`] ([`Builder::push_line`]):
//! - `h1`–`h6` become [`BlockKind::Heading`] blocks with levels 1–6; every other block is
//!   [`BlockKind::Body`] unless [`Options::kind`] says otherwise;
//! - a paragraph, a list item, a block quote, a table row, a `div` … each end a block (the
//!   set is [`is_block`]); inline elements (`span`, `a`, `strong`, `em`, …) do not;
//! - `<br>` ends a line inside its block: the text after it is a block of its own, of the
//!   same kind and element;
//! - whitespace collapses as HTML's does: a run of spaces, tabs and line breaks is one
//!   space, and none at the start or end of a block; a line break between two Chinese
//!   (wide) characters is dropped, not made a space, as CSS does for Chinese and Japanese;
//!   `&nbsp;` and the ideographic space are text, not collapsed; in `pre` every line is a
//!   block of its own;
//! - ruby (`<ruby>字<rt>zì</rt></ruby>`) is its base text: `rt` and `rp` are left out;
//! - an image is left out, but one with alt text shows `[图: alt]` where it stands;
//! - what a page shows nobody as text is left out with everything in it: `head`, `script`,
//!   `style`, `template`, `noscript`, `nav`, forms' controls, embedded objects, `svg`,
//!   and elements marked `hidden`, `aria-hidden="true"` or `style="display:none"`
//!   ([`is_noise`]); [`Options::skip`] leaves out more (a web page's boilerplate).
//!
//! Every block's [`Loc`] is [`Loc::Element`]: the element that holds its text, numbered in
//! document order within the node walked, in the file [`Options::part`].
//!
//! The text is the extracted text, not the markup: every byte offset of the document
//! (sections, figures, quotes, bookmarks, search) points into it, and `yuedu dump` prints
//! it wrapped. For fragment links (`chapter.xhtml#frag`), [`Converted::ids`] gives the byte
//! offset where each element with an `id` starts in that text.
//!
//! Nothing here recurses on the tree's depth: the walk keeps its own stack, and the depth
//! of the tree is capped before parsing ([`parse`]), so a page of a million nested `div`s
//! neither overflows the stack nor takes more than linear time.

mod prepare;

pub use prepare::{MAX_ATTRIBUTES, MAX_DEPTH};

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::builder::Builder;
use crate::document::model::{BlockKind, Loc, is_layout_space};
use crate::text::width::char_width;

/// How an image with alt text shows in the text: this prefix, the alt text, then `]`.
/// Part of the text (offsets point into it), so the same whatever the interface language.
pub const IMAGE_PREFIX: &str = "[图: ";

/// Parses HTML or XHTML leniently into a tree, as a browser would. XHTML (a text starting
/// with an XML declaration or naming the XHTML namespace) has its self-closed non-void
/// elements closed first; elements nested deeper than [`MAX_DEPTH`] lose their
/// tags (not their text), as a browser caps the depth of its tree, because the parser's
/// time grows with the square of the depth.
pub fn parse(markup: &str) -> Html {
    let head = markup.get(..markup.len().min(4096)).unwrap_or(markup);
    let xhtml = markup.trim_start_matches('\u{feff}').trim_start().starts_with("<?xml")
        || head.contains("http://www.w3.org/1999/xhtml");
    let closed = if xhtml { Cow::Owned(prepare::close_self_closed(markup)) } else { Cow::Borrowed(markup) };
    let limited = prepare::limit_nesting(&closed);
    Html::parse_document(&limited)
}

/// What the walk may be told by its caller.
#[derive(Default)]
pub struct Options<'a> {
    /// The markup file's number within the document, for [`Loc::Element`] (0 for a page).
    pub part: u32,
    /// Elements to leave out with everything in them, besides [`is_noise`].
    pub skip: Option<&'a Skip<'a>>,
    /// The kind of the blocks a block element makes, when the caller knows better than the
    /// markup (a bold paragraph that is a subhead); `None` keeps the kind the tag says.
    pub kind: Option<&'a KindOf<'a>>,
}

/// A caller's test for elements to leave out ([`Options::skip`]).
pub type Skip<'a> = dyn Fn(ElementRef<'_>) -> bool + 'a;

/// A caller's kind for a block element ([`Options::kind`]).
pub type KindOf<'a> = dyn Fn(ElementRef<'_>) -> Option<BlockKind> + 'a;

/// What [`append`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The indices of the blocks it added.
    pub blocks: Range<usize>,
    /// For each element `id` met (the first element of an id wins, as in a browser), the
    /// byte offset in the builder's text where that element's text starts: the next text
    /// after it opens (the end of the text when nothing follows).
    pub ids: HashMap<String, usize>,
}

/// Appends the blocks of `node` and everything under it to `b` (see the module's doc).
pub fn append(b: &mut Builder, node: NodeRef<'_, Node>, opts: &Options<'_>) -> Converted {
    let mut w = Walk {
        b,
        opts,
        first_block: 0,
        line: String::new(),
        space: Space::None,
        in_line_ids: Vec::new(),
        waiting_ids: Vec::new(),
        ids: HashMap::new(),
        containers: Vec::new(),
        pre: 0,
        elements: 0,
    };
    w.first_block = w.b.blocks.len();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => w.text(t),
                    Node::Element(_) => {
                        let Some(el) = ElementRef::wrap(n) else { continue };
                        let index = w.elements;
                        w.elements = w.elements.saturating_add(1);
                        if is_noise(el) || w.opts.skip.is_some_and(|skip| skip(el)) {
                            skipping = Some(n.id());
                            continue;
                        }
                        w.open(el, index);
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_none()
                    && let Some(el) = ElementRef::wrap(n)
                {
                    w.close(el);
                }
            }
        }
    }
    w.flush();
    let end = w.b.text.len();
    for id in std::mem::take(&mut w.waiting_ids) {
        w.ids.entry(id).or_insert(end);
    }
    Converted { blocks: w.first_block..w.b.blocks.len(), ids: w.ids }
}

/// Whitespace waiting between two pieces of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Space {
    None,
    /// Spaces or tabs.
    Plain,
    /// A run that holds a line break (dropped between two wide characters).
    Break,
}

/// A block element open in the walk.
struct Container {
    kind: BlockKind,
    element: u32,
    /// Whether the element is `pre` (its lines are kept).
    pre: bool,
}

/// The walk's state: the line being gathered and the blocks open around it.
struct Walk<'b, 'o, 'c> {
    b: &'b mut Builder,
    opts: &'o Options<'c>,
    first_block: usize,
    /// The text of the current block so far (whitespace already collapsed).
    line: String,
    space: Space,
    /// Ids met inside the current line, with their byte offset in it.
    in_line_ids: Vec<(String, usize)>,
    /// Ids met before any text of the current line: they start where the next text does.
    waiting_ids: Vec<String>,
    ids: HashMap<String, usize>,
    containers: Vec<Container>,
    /// How many `pre` elements are open.
    pre: usize,
    /// Elements met so far (the next one's index).
    elements: u32,
}

impl Walk<'_, '_, '_> {
    fn open(&mut self, el: ElementRef<'_>, index: u32) {
        let name = el.value().name();
        if let Some(id) = el.value().id().filter(|id| !id.is_empty()) {
            if self.line.is_empty() {
                self.waiting_ids.push(id.to_string());
            } else {
                let at = self.line.len() + usize::from(self.space != Space::None);
                self.in_line_ids.push((id.to_string(), at));
            }
        }
        match name {
            "br" => self.flush(),
            "img" => {
                if let Some(alt) = el.value().attr("alt").map(str::trim).filter(|a| !a.is_empty()) {
                    self.word(IMAGE_PREFIX);
                    self.collapse(alt);
                    self.word("]");
                }
            }
            "td" | "th" if self.space == Space::None && !self.line.is_empty() => self.space = Space::Plain,
            _ if is_block(name) => {
                self.flush();
                let tag_kind =
                    heading_level(name).map_or(BlockKind::Body, |level| BlockKind::Heading { level });
                let kind = self.opts.kind.and_then(|k| k(el)).unwrap_or(tag_kind);
                let pre = name == "pre";
                if pre {
                    self.pre += 1;
                }
                self.containers.push(Container { kind, element: index, pre });
            }
            _ => {}
        }
    }

    fn close(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        if name == "td" || name == "th" {
            if !self.line.is_empty() {
                self.space = Space::Plain;
            }
        } else if is_block(name) && name != "br" {
            self.flush();
            if let Some(c) = self.containers.pop()
                && c.pre
            {
                self.pre = self.pre.saturating_sub(1);
            }
        }
    }

    /// A text node: collapsed, or kept line by line inside `pre`.
    fn text(&mut self, t: &scraper::node::Text) {
        if self.pre > 0 {
            let mut lines = t.split('\n');
            if let Some(first) = lines.next() {
                self.word(first.trim_end_matches('\r'));
            }
            for line in lines {
                self.flush();
                self.word(line.trim_end_matches('\r'));
            }
        } else {
            self.collapse(t);
        }
    }

    /// Appends text with its whitespace collapsed.
    fn collapse(&mut self, s: &str) {
        let mut word_start = None;
        for (i, c) in s.char_indices() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0c}') {
                if let Some(w) = word_start.take() {
                    self.word(&s[w..i]);
                }
                let brk = matches!(c, '\n' | '\r');
                self.space = match (self.space, brk) {
                    (Space::Break, _) | (_, true) => Space::Break,
                    _ => Space::Plain,
                };
            } else if word_start.is_none() {
                word_start = Some(i);
            }
        }
        if let Some(w) = word_start {
            self.word(&s[w..]);
        }
    }

    /// Appends text without whitespace to collapse, after the space waiting before it.
    fn word(&mut self, s: &str) {
        let Some(first) = s.chars().next() else { return };
        if !self.line.is_empty() {
            // Ambiguous-width characters count as wide: “” … — between Chinese words.
            let wide = |c: char| char_width(c, true) == 2;
            let keep = match self.space {
                Space::None => false,
                Space::Plain => true,
                Space::Break => !(self.line.chars().next_back().is_some_and(wide) && wide(first)),
            };
            if keep {
                self.line.push(' ');
            }
        } else if !self.waiting_ids.is_empty() {
            self.in_line_ids.extend(self.waiting_ids.drain(..).map(|id| (id, 0)));
        }
        self.space = Space::None;
        self.line.push_str(s);
    }

    /// Ends the current line: it becomes a block of the innermost open block's kind.
    fn flush(&mut self) {
        self.space = Space::None;
        let line = std::mem::take(&mut self.line);
        let trimmed_start = line.trim_start_matches(|c: char| is_layout_space(c) || c.is_whitespace());
        let content = trimmed_start.trim_end_matches(|c: char| is_layout_space(c) || c.is_whitespace());
        if content.is_empty() {
            // Ids inside a blank line start where the next text does.
            self.waiting_ids.extend(self.in_line_ids.drain(..).map(|(id, _)| id));
            return;
        }
        let lead = line.len() - trimmed_start.len();
        let (kind, element) = self.containers.last().map_or((BlockKind::Body, 0), |c| (c.kind, c.element));
        let loc = Loc::Element { part: self.opts.part, element };
        let added = self.b.push_line(content, loc, kind);
        let start = self.b.blocks.get(added.start).map_or(self.b.text.len(), |blk| blk.start);
        for (id, at) in self.in_line_ids.drain(..) {
            let offset = start + at.saturating_sub(lead).min(content.len());
            let offset = floor_boundary(&self.b.text, offset);
            self.ids.entry(id).or_insert(offset);
        }
    }
}

/// The largest character boundary of `s` at or before `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The level of a heading tag (`h1` → 1 … `h6` → 6).
fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Elements that end a block of text before and after them (HTML's block-level elements,
/// table rows and list items).
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Elements whose content is not text a reader sees: left out with everything inside.
pub fn is_noise(el: ElementRef<'_>) -> bool {
    let v = el.value();
    let noise_tag = matches!(
        v.name(),
        "head"
            | "title"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "nav"
            | "rt"
            | "rp"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "audio"
            | "video"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "link"
            | "meta"
    );
    noise_tag
        || v.attr("hidden").is_some()
        || v.attr("aria-hidden").is_some_and(|a| a.trim().eq_ignore_ascii_case("true"))
        || v.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Text with its whitespace runs made one space, and none at either end (a label, a title).
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
