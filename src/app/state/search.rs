//! The state of `app::search` (see there), apart from what it does to the reader: a leaf,
//! so the reader's state can hold it without importing the file that acts on the reader.

use crate::layout::Pos;
use crate::text::script::{self, Script, fold_char, has_other_forms};
use std::ops::Range;

/// Texts up to this many bytes get every match counted on each keystroke of a search.
pub const COUNT_WHILE_TYPING: usize = 4 << 20;

/// Rows kept above a match the view moves to, so it does not sit on the very first row.
pub(in crate::app) const CONTEXT_ROWS: usize = 3;

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
pub(in crate::app) fn folds_only_from_itself(f: char) -> bool {
    !f.is_ascii() && !f.is_lowercase() && fold(f) == f
}

/// How candidate places are found before a match is checked character by character.
#[derive(Debug, Clone)]
pub(in crate::app) enum Plan {
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
    pub(in crate::app) text: String,
    pub(in crate::app) folded: Vec<char>,
    pub(in crate::app) plan: Plan,
    /// The script the text is shown in: a match is what is shown there (the query folded
    /// without the scripts, `shown`), found among the places where the source matches the
    /// query folded across scripts (`folded`).
    pub(in crate::app) script: Script,
    pub(in crate::app) shown: Vec<char>,
}

impl Query {
    /// Prepares `text`; `None` when it is empty.
    pub fn new(text: &str) -> Option<Query> {
        Query::shown_in(text, Script::AsWritten)
    }

    /// Prepares `text` for a text shown in `script`; `None` when it is empty.
    pub fn shown_in(text: &str, script: Script) -> Option<Query> {
        let shown: Vec<char> = text.chars().map(fold).collect();
        let across = script != Script::AsWritten;
        let folded: Vec<char> =
            if across { shown.iter().map(|&c| fold_char(c)).collect() } else { shown.clone() };
        let folds_only_from_itself = |f: char| folds_only_from_itself(f) && !(across && has_other_forms(f));
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
        Some(Query { text: text.to_string(), folded, plan, script, shown })
    }

    /// The query as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The match whose anchor character (the plan's `at`) starts at byte `p` of `hay`.
    pub(in crate::app) fn check(&self, hay: &str, p: usize) -> Option<Range<usize>> {
        let at = match &self.plan {
            Plan::Exact { at, .. } | Plan::Lead { at, .. } => *at,
            Plan::Scan => 0,
        };
        let mut end = p;
        let mut after = hay.get(p..)?.chars();
        for &q in &self.folded[at..] {
            let c = after.next()?;
            if self.fold(c) != q {
                return None;
            }
            end += c.len_utf8();
        }
        let mut start = p;
        let mut before = hay[..p].chars().rev();
        for &q in self.folded[..at].iter().rev() {
            let c = before.next()?;
            if self.fold(c) != q {
                return None;
            }
            start -= c.len_utf8();
        }
        (self.script == Script::AsWritten || self.is_shown(hay, start..end)).then_some(start..end)
    }

    /// `c` folded as the query was: across scripts when the text is shown in another.
    fn fold(&self, c: char) -> char {
        let f = fold(c);
        if self.script == Script::AsWritten { f } else { fold_char(f) }
    }

    /// Whether the source range `m` of `hay` is shown as the query: the text around it (a
    /// few characters on either side, for the phrase it may be part of, within its line) is
    /// converted, and the part that shows `m` compared with the query.
    fn is_shown(&self, hay: &str, m: Range<usize>) -> bool {
        const AROUND: usize = 8;
        let line_start = hay[..m.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = hay[m.end..].find('\n').map_or(hay.len(), |i| m.end + i);
        let ws = hay[line_start..m.start]
            .char_indices()
            .rev()
            .nth(AROUND - 1)
            .map_or(line_start, |(i, _)| line_start + i);
        let we = hay[m.end..line_end].char_indices().nth(AROUND).map_or(line_end, |(i, _)| m.end + i);
        let shown = script::convert(&hay[ws..we], self.script);
        let (ds, de) = (shown.to_shown(m.start - ws), shown.to_shown(m.end - ws));
        shown.text.get(ds..de).is_some_and(|t| t.chars().map(fold).eq(self.shown.iter().copied()))
    }

    /// Candidate anchor positions in `hay` at or after byte `from`, in order.
    pub(in crate::app) fn candidates<'a>(
        &'a self,
        hay: &'a str,
        from: usize,
    ) -> Box<dyn Iterator<Item = usize> + 'a> {
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
pub(in crate::app) struct Before {
    /// First character in view.
    pub(in crate::app) anchor: usize,
    /// The top row (used when the layout has not changed since).
    pub(in crate::app) top: Pos,
    pub(in crate::app) query: Option<Query>,
    pub(in crate::app) matches: Option<Vec<Range<usize>>>,
    pub(in crate::app) current: Option<Range<usize>>,
    pub(in crate::app) hidden: bool,
}

/// The search state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query being typed, or the last one accepted.
    pub(in crate::app) query: Option<Query>,
    /// Every match of the query, in order, once counted.
    pub(in crate::app) matches: Option<Vec<Range<usize>>>,
    /// The match the view was last moved to.
    pub(in crate::app) current: Option<Range<usize>>,
    /// Set while the prompt is open.
    pub(in crate::app) before: Option<Box<Before>>,
    /// Highlights cleared (Esc): the query stays for `n` / `N`, which show them again.
    pub(in crate::app) hidden: bool,
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
