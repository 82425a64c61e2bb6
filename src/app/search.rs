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

pub use super::state::search::*;

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
        self.search.query = Query::shown_in(text, self.script);
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
        let query = match Query::shown_in(text, self.script) {
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
    /// a few rows above it. The rows above are counted before the top is clamped to the
    /// end, so a match on the last rows stays in view (clamping first and then going up
    /// would push it below the pane).
    pub fn show_range(&mut self, range: Range<usize>) {
        let (start, end) = self.view_range();
        if range.start >= start && range.end <= end && range.start < end {
            return;
        }
        let Some(row) = self.layout.pos_showing(&self.doc, range.start) else { return };
        let context = CONTEXT_ROWS.min(self.text_height() / 4);
        let top = self.layout.backward(&self.doc, row, context);
        self.set_top(top);
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
