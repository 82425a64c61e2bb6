//! Search: `/` opens a prompt, matches show as the query is typed, Enter keeps them, Esc
//! puts the view back; `n` / `N` step through the matches with wrap-around.
//!
//! Matching folds both the text and the query one character at a time: the full-width
//! forms U+FF01–U+FF5E become their ASCII forms (`，` → `,`, `Ｇ` → `G`), the ideographic
//! space becomes a space, and letters are compared in lower case. Folding maps one
//! character to one character, so a match is a run of whole source characters and its
//! range is in source bytes whatever forms the text uses.
//!
//! Cost: a search is one linear scan. A run of query characters that nothing else folds
//! to (hanzi, most punctuation) is found with `memchr::memmem`; otherwise the scan jumps
//! between the possible lead bytes of one query character with `memchr`. While typing, a
//! keystroke only looks for the next match from where the view was (and the drawing
//! scans the blocks on screen); every match is counted only for texts up to
//! [`COUNT_WHILE_TYPING`] bytes, and for larger ones once, on Enter.

use std::ops::Range;

use super::{App, PromptEvent};
use crate::i18n::Msg;
use crate::layout::Pos;

/// Texts up to this many bytes get every match counted on each keystroke of a search.
pub const COUNT_WHILE_TYPING: usize = 4 << 20;

/// Rows kept above a match the view moves to, so it does not sit on the very first row.
const CONTEXT_ROWS: usize = 3;

/// Folds one character for matching: full-width ASCII forms and the ideographic space to
/// ASCII, letters to lower case (only where that stays one character and does not turn a
/// non-ASCII letter into an ASCII one).
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if !c.is_uppercase() {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if !l.is_ascii() => l,
        _ => c,
    }
}

/// Whether `f` (a folded character) is the fold of no character but itself, so it can be
/// looked for byte for byte.
fn folds_only_from_itself(f: char) -> bool {
    !f.is_ascii() && !f.is_lowercase() && fold(f) == f
}

/// How candidate places are found before a match is checked character by character.
#[derive(Debug, Clone)]
enum Plan {
    /// The query characters `at..at + len` fold only from themselves: their UTF-8 bytes
    /// are looked for with `memmem`.
    Exact { at: usize, needle: Vec<u8> },
    /// Query character `at` is ASCII after folding: it starts with one of these bytes (the
    /// ASCII forms and the lead byte of the full-width form).
    Lead { at: usize, bytes: Vec<u8> },
    /// Every character is a candidate (a query made only of non-ASCII lower-case letters).
    Scan,
}

/// A prepared search query.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    folded: Vec<char>,
    plan: Plan,
}

impl Query {
    /// Prepares `text`; `None` when it is empty.
    pub fn new(text: &str) -> Option<Query> {
        let folded: Vec<char> = text.chars().map(fold).collect();
        if folded.is_empty() {
            return None;
        }
        // The longest run of characters that only they themselves fold to.
        let mut best: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < folded.len() {
            if folds_only_from_itself(folded[i]) {
                let start = i;
                while i < folded.len() && folds_only_from_itself(folded[i]) {
                    i += 1;
                }
                if best.is_none_or(|(_, len)| i - start > len) {
                    best = Some((start, i - start));
                }
            } else {
                i += 1;
            }
        }
        let plan = if let Some((at, len)) = best {
            Plan::Exact { at, needle: folded[at..at + len].iter().collect::<String>().into_bytes() }
        } else if let Some(at) = folded.iter().position(char::is_ascii) {
            let f = folded[at];
            let mut bytes = vec![f as u8];
            if f.is_ascii_lowercase() {
                bytes.push(f.to_ascii_uppercase() as u8);
            }
            // Full-width forms are U+FF01–U+FF5E (lead byte 0xEF); the ideographic space is
            // U+3000 (lead byte 0xE3).
            bytes.push(if f == ' ' { 0xE3 } else { 0xEF });
            Plan::Lead { at, bytes }
        } else {
            Plan::Scan
        };
        Some(Query { text: text.to_string(), folded, plan })
    }

    /// The query as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The match whose anchor character (the plan's `at`) starts at byte `p` of `hay`.
    fn check(&self, hay: &str, p: usize) -> Option<Range<usize>> {
        let at = match &self.plan {
            Plan::Exact { at, .. } | Plan::Lead { at, .. } => *at,
            Plan::Scan => 0,
        };
        let mut end = p;
        let mut after = hay.get(p..)?.chars();
        for &q in &self.folded[at..] {
            let c = after.next()?;
            if fold(c) != q {
                return None;
            }
            end += c.len_utf8();
        }
        let mut start = p;
        let mut before = hay[..p].chars().rev();
        for &q in self.folded[..at].iter().rev() {
            let c = before.next()?;
            if fold(c) != q {
                return None;
            }
            start -= c.len_utf8();
        }
        Some(start..end)
    }

    /// Candidate anchor positions in `hay` at or after byte `from`, in order.
    fn candidates<'a>(&'a self, hay: &'a str, from: usize) -> Box<dyn Iterator<Item = usize> + 'a> {
        let tail = &hay.as_bytes()[from..];
        match &self.plan {
            Plan::Exact { needle, .. } => {
                Box::new(memchr::memmem::find_iter(tail, needle.as_slice()).map(move |i| from + i))
            }
            Plan::Lead { bytes, .. } => match bytes.as_slice() {
                [a, b] => Box::new(memchr::memchr2_iter(*a, *b, tail).map(move |i| from + i)),
                [a, b, c] => Box::new(memchr::memchr3_iter(*a, *b, *c, tail).map(move |i| from + i)),
                _ => Box::new(std::iter::empty()),
            },
            Plan::Scan => Box::new(hay[from..].char_indices().map(move |(i, _)| from + i)),
        }
    }

    /// Matches in `hay` that start at or after byte `from`, in order, not overlapping.
    pub fn find_iter<'a>(&'a self, hay: &'a str, from: usize) -> impl Iterator<Item = Range<usize>> + 'a {
        let mut from = from.min(hay.len());
        while !hay.is_char_boundary(from) {
            from += 1;
        }
        let mut last_end = from;
        self.candidates(hay, from).filter_map(move |p| {
            let m = self.check(hay, p)?;
            if m.start < last_end || m.is_empty() {
                return None;
            }
            last_end = m.end;
            Some(m)
        })
    }

    /// Every match in `hay`.
    pub fn find_all(&self, hay: &str) -> Vec<Range<usize>> {
        self.find_iter(hay, 0).collect()
    }
}

/// What Esc puts back: the view and the search from before the prompt opened.
#[derive(Debug, Clone)]
struct Before {
    /// First character in view.
    anchor: usize,
    /// The top row (used when the layout has not changed since).
    top: Pos,
    query: Option<Query>,
    matches: Option<Vec<Range<usize>>>,
    current: Option<Range<usize>>,
    hidden: bool,
}

/// The search state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query being typed, or the last one accepted.
    query: Option<Query>,
    /// Every match of the query, in order, once counted.
    matches: Option<Vec<Range<usize>>>,
    /// The match the view was last moved to.
    current: Option<Range<usize>>,
    /// Set while the prompt is open.
    before: Option<Box<Before>>,
    /// Highlights cleared (Esc): the query stays for `n` / `N`, which show them again.
    hidden: bool,
}

impl Search {
    /// The query being typed or in force.
    pub fn query(&self) -> Option<&Query> {
        self.query.as_ref()
    }

    /// The current match.
    pub fn current(&self) -> Option<Range<usize>> {
        self.current.clone()
    }

    /// Every match, when counted.
    pub fn matches(&self) -> Option<&[Range<usize>]> {
        self.matches.as_deref()
    }

    /// Whether matches are highlighted now (a query in force, not cleared).
    pub fn highlighted(&self) -> bool {
        self.query.is_some() && !self.hidden
    }

    /// Clears the highlights (the query stays for `n` / `N`); returns whether there were any.
    pub fn clear_highlights(&mut self) -> bool {
        let had = self.highlighted();
        self.hidden = true;
        had
    }

    /// `/query k/N` for the status line.
    pub fn status(&self) -> Option<String> {
        if self.hidden {
            return None;
        }
        let query = self.query.as_ref()?;
        Some(format!("/{} {}", query.text(), self.count()?))
    }

    /// `k/N`: the current match's number and the count (`0/N` with none current, `…` while
    /// the matches of a large text are not counted yet).
    pub fn count(&self) -> Option<String> {
        self.query.as_ref()?;
        let count = match (&self.matches, &self.current) {
            (Some(all), Some(cur)) => {
                let k = all.partition_point(|m| m.start < cur.start);
                format!("{}/{}", k + 1, all.len())
            }
            (Some(all), None) => format!("0/{}", all.len()),
            (None, Some(_)) => "…".to_string(),
            (None, None) => "0".to_string(),
        };
        Some(count)
    }

    /// The matches overlapping bytes `start..end` of `text`, with whether each is current.
    /// Matches never cross a line end, so scanning from the start of the line is exact.
    pub fn matches_in(&self, text: &str, start: usize, end: usize) -> Vec<(Range<usize>, bool)> {
        let Some(query) = self.query.as_ref().filter(|_| !self.hidden) else { return Vec::new() };
        let mark = |m: Range<usize>| {
            let cur = self.current.as_ref() == Some(&m);
            (m, cur)
        };
        if let Some(all) = &self.matches {
            let first = all.partition_point(|m| m.end <= start);
            return all[first..].iter().take_while(|m| m.start < end).cloned().map(mark).collect();
        }
        let end = end.min(text.len());
        let line_start =
            memchr::memrchr2(b'\n', b'\r', &text.as_bytes()[..start.min(end)]).map_or(0, |i| i + 1);
        query
            .find_iter(text, line_start)
            .skip_while(|m| m.end <= start)
            .take_while(|m| m.start < end)
            .map(mark)
            .collect()
    }
}

impl App {
    /// Opens the search prompt, remembering the view and the search to restore on Esc.
    pub fn start_search(&mut self) {
        let anchor = self.anchor();
        let s = &mut self.search;
        s.before = Some(Box::new(Before {
            anchor,
            top: self.top,
            query: s.query.take(),
            matches: s.matches.take(),
            current: s.current.take(),
            hidden: std::mem::take(&mut s.hidden),
        }));
        self.open_prompt(super::PromptKind::Search, "/");
    }

    /// A search prompt event: an edit searches again, Enter keeps, Esc restores.
    pub(super) fn on_search_prompt(&mut self, event: PromptEvent) {
        match event {
            PromptEvent::Ignored => {}
            PromptEvent::Edited => {
                let text = self.prompt.as_ref().map(|p| p.text.clone()).unwrap_or_default();
                self.search_typed(&text);
            }
            PromptEvent::Accepted(text) => self.search_accepted(&text),
            PromptEvent::Cancelled => {
                if let Some(b) = self.search.before.take() {
                    self.search.query = b.query;
                    self.search.matches = b.matches;
                    self.search.current = b.current;
                    self.search.hidden = b.hidden;
                    self.restore_view(b.top, b.anchor);
                }
            }
        }
    }

    /// Goes back to the view from before the prompt.
    fn restore_view(&mut self, top: Pos, anchor: usize) {
        if self.top == top {
            return;
        }
        self.scroll_to_offset(anchor);
    }

    /// Searches as the query is typed: the next match from the view the prompt opened on.
    fn search_typed(&mut self, text: &str) {
        let Some(before) = self.search.before.as_deref() else { return };
        let (top, anchor) = (before.top, before.anchor);
        self.search.query = Query::new(text);
        self.search.current = None;
        self.search.matches = None;
        let Some(query) = &self.search.query else {
            self.restore_view(top, anchor);
            return;
        };
        let text = &self.doc.text;
        let found = query.find_iter(text, anchor).next().or_else(|| query.find_iter(text, 0).next());
        if text.len() <= COUNT_WHILE_TYPING {
            self.search.matches = Some(query.find_all(text));
        }
        match found {
            Some(m) => {
                self.restore_view(top, anchor);
                self.show_range(m.clone());
                self.search.current = Some(m);
            }
            None => self.restore_view(top, anchor),
        }
    }

    /// Enter: keeps the query, counts every match and moves to the current one. An empty
    /// query repeats the previous search.
    fn search_accepted(&mut self, text: &str) {
        let Some(before) = self.search.before.take() else { return };
        let query = match Query::new(text) {
            Some(q) => q,
            None => match before.query.clone() {
                Some(q) => q,
                None => {
                    self.restore_view(before.top, before.anchor);
                    return;
                }
            },
        };
        let all = match self.search.matches.take() {
            Some(all) if self.search.query.as_ref().is_some_and(|q| q.text() == query.text()) => all,
            _ => query.find_all(&self.doc.text),
        };
        let first =
            all.iter().position(|m| m.start >= before.anchor).or(if all.is_empty() { None } else { Some(0) });
        self.restore_view(before.top, before.anchor);
        match first {
            None => {
                self.say(Msg::NotFound(query.text()));
                self.search.query = None;
                self.search.matches = None;
                self.search.current = None;
            }
            Some(i) => {
                if all[i].start < before.anchor {
                    self.say(Msg::SearchWrapped);
                }
                let m = all[i].clone();
                self.search.query = Some(query);
                self.search.matches = Some(all);
                self.search.current = Some(m.clone());
                self.record_jump();
                self.show_range(m);
            }
        }
    }

    /// `n` / `N`: the next or previous match, wrapping around the ends.
    pub fn step_match(&mut self, forward: bool) {
        let Some(query) = self.search.query.clone() else {
            let key = self.config.keymap.first_key(super::Action::Search).unwrap_or_else(|| "/".into());
            self.say(Msg::NoSearchYet(&key));
            return;
        };
        self.search.hidden = false;
        if self.search.matches.is_none() {
            self.search.matches = Some(query.find_all(&self.doc.text));
        }
        let (view_start, view_end) = self.view_range();
        let all = self.search.matches.as_deref().unwrap_or_default();
        if all.is_empty() {
            self.say(Msg::NotFound(query.text()));
            return;
        }
        let n = all.len();
        // From the current match while it is on screen, else from the top of the view.
        let here = self.search.current.clone().filter(|m| m.start >= view_start && m.start < view_end);
        let (i, wrapped) = match (here, forward) {
            (Some(cur), true) => {
                let k = all.partition_point(|m| m.start <= cur.start);
                if k < n { (k, false) } else { (0, true) }
            }
            (Some(cur), false) => {
                let k = all.partition_point(|m| m.start < cur.start);
                if k > 0 { (k - 1, false) } else { (n - 1, true) }
            }
            (None, true) => {
                let k = all.partition_point(|m| m.start < view_start);
                if k < n { (k, false) } else { (0, true) }
            }
            (None, false) => {
                let k = all.partition_point(|m| m.start < view_start);
                if k > 0 { (k - 1, false) } else { (n - 1, true) }
            }
        };
        let m = all[i].clone();
        if wrapped {
            self.say(if forward { Msg::SearchWrapped } else { Msg::SearchWrappedBottom });
        }
        self.search.current = Some(m.clone());
        let before = self.anchor();
        let top = self.top;
        self.show_range(m);
        if self.top != top {
            self.history.record(before);
        }
    }

    /// The bytes on screen: the first character in view to just past the last.
    pub fn view_range(&mut self) -> (usize, usize) {
        if self.doc.blocks.is_empty() {
            return (0, 0);
        }
        let start = self.anchor();
        let height = self.text_height().max(1);
        let bottom = self.layout.forward(&self.doc, self.top, height - 1);
        if bottom >= self.layout.last(&self.doc) {
            return (start, self.doc.text.len());
        }
        let lines = self.layout.lines(&self.doc, bottom.block);
        let end = lines.get(bottom.row).map_or(self.doc.blocks[bottom.block].end, |l| l.end);
        (start, end)
    }

    /// Moves the view so that `range` is on screen: not at all when it already is, else with
    /// a few rows above it.
    pub fn show_range(&mut self, range: Range<usize>) {
        let (start, end) = self.view_range();
        if range.start >= start && range.end <= end && range.start < end {
            return;
        }
        self.scroll_to_offset(range.start);
        let context = CONTEXT_ROWS.min(self.text_height() / 4);
        if context > 0 {
            self.scroll(-(context as isize));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(q: &str, hay: &str) -> Vec<&'static str> {
        let q = Query::new(q).expect("a query");
        q.find_all(hay).into_iter().map(|m| &*hay[m].to_string().leak()).collect()
    }

    #[test]
    fn folds_width_and_case() {
        assert_eq!(fold('Ｇ'), 'g');
        assert_eq!(fold('，'), ',');
        assert_eq!(fold('　'), ' ');
        assert_eq!(fold('算'), '算');
        assert_eq!(fold('É'), 'é');
        assert_eq!(fold('\u{212A}'), '\u{212A}', "the Kelvin sign is not folded into ASCII");
    }

    #[test]
    fn full_width_and_ascii_find_each_other() {
        assert_eq!(find("GDP", "占全市ＧＤＰ的，GDP和gdp"), vec!["ＧＤＰ", "GDP", "gdp"]);
        assert_eq!(find("ＧＤＰ", "gdp"), vec!["gdp"]);
        assert_eq!(find("，", "一,二，三"), vec![",", "，"]);
        assert_eq!(find("a b", "a　b a b"), vec!["a　b", "a b"]);
    }

    #[test]
    fn chinese_with_mixed_forms_around_it() {
        assert_eq!(find("算力", "智能算力和算力"), vec!["算力", "算力"]);
        assert_eq!(find("ai算力", "AI算力，Ａｉ算力"), vec!["AI算力", "Ａｉ算力"]);
        assert_eq!(find("24.8%", "占比２４．８％，24.8%"), vec!["２４．８％", "24.8%"]);
    }

    #[test]
    fn matches_do_not_overlap_and_byte_ranges_are_the_source_ones() {
        let q = Query::new("aa").expect("a query");
        assert_eq!(q.find_all("aaaa"), vec![0..2, 2..4]);
        let hay = "xＡＡy";
        assert_eq!(q.find_all(hay), vec![1..7]);
        assert_eq!(Query::new("éé").expect("q").find_all("ÉÉé"), vec![0..4]);
    }

    #[test]
    fn an_empty_query_is_none_and_from_skips_earlier_matches() {
        assert!(Query::new("").is_none());
        let q = Query::new("力").expect("a query");
        let hay = "算力算力";
        assert_eq!(q.find_iter(hay, 4).collect::<Vec<_>>(), vec![9..12]);
        // A position inside a character is rounded up to the next one.
        assert_eq!(q.find_iter(hay, 1).count(), 2);
    }
}
