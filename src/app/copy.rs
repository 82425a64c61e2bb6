//! Copying to the clipboard: `y` copies the selected passage (or the selected quote, or
//! the paragraph at the top), `Y` the same as a citation, `“…” —— speaker，《title》`.
//!
//! The state only says what to copy ([`Effect::Copy`]); the terminal module sends it with
//! OSC 52, base64-encoded, which works in local terminals, in tmux (`set-clipboard on`)
//! and over SSH. Terminals drop long OSC 52 strings, so a copy over [`COPY_LIMIT`] is
//! refused with a message instead of being lost without a word.
//!
//! `[text] copy` chooses the form: `"display"` (the default) copies what the pane shows
//! (punctuation normalised when that is on), `"source"` the file's characters exactly.

use std::ops::Range;

use super::{App, Effect, Selection};
use crate::config::CopyForm;
use crate::i18n::{self, Msg};

/// The most a copy may hold, in bytes of text (100 KB).
pub const COPY_LIMIT: usize = 100 * 1024;

impl App {
    /// `y` (`with_source`: `Y`): copies the selection, else the selected quote's words,
    /// else the paragraph at the top. A copied selection ends; one refused stays, so it can
    /// be made shorter.
    pub(super) fn copy(&mut self, with_source: bool) {
        let selected = self.selected_range();
        let (words, speaker) = match &selected {
            Some(r) => (r.clone(), self.quote_around(r).and_then(|q| q.speaker.clone())),
            None => match self.passage_in_focus() {
                Some(p) => (p.words, p.speaker),
                None => return,
            },
        };
        let mut text = self.copied_form(words);
        if with_source {
            text = self.citation(&text, speaker.as_deref());
        }
        if text.len() > COPY_LIMIT {
            self.say(Msg::CopyTooLong { kb: text.len().div_ceil(1024), limit: COPY_LIMIT / 1024 });
            return;
        }
        if selected.is_some() {
            self.selection = Selection::None;
        }
        self.say(Msg::Copied(text.chars().count()));
        self.effects.push(Effect::Copy(text));
    }

    /// The text of `range` as `[text] copy` asks: the source, or as shown. The shown form
    /// is worked out with a character of context on each side, so a mark at either edge is
    /// normalised as it is on screen.
    fn copied_form(&self, range: Range<usize>) -> String {
        let text = &self.doc.text;
        if self.config.text.copy == CopyForm::Source {
            return text[range].to_string();
        }
        let before = text[..range.start].chars().next_back().map_or(0, char::len_utf8);
        let after = text[range.end..].chars().next().map_or(0, char::len_utf8);
        let shown = self.shown(&text[range.start - before..range.end + after]);
        // One shown character for each source character.
        let mut chars = shown.chars();
        if before > 0 {
            chars.next();
        }
        if after > 0 {
            chars.next_back();
        }
        chars.as_str().to_string()
    }

    /// `text` as a citation: in quotation marks (its own marks at either end are not
    /// doubled), then the speaker and the title when there are any.
    fn citation(&self, text: &str, speaker: Option<&str>) -> String {
        let words = unquoted(text);
        let title = in_book_marks(self.shown(&self.doc.title()).trim());
        let title = Some(title.as_str()).filter(|t| !t.is_empty());
        i18n::text(Msg::Citation { words, speaker, title })
    }

    /// The texts waiting to be sent to the terminal's clipboard, oldest first (the terminal
    /// module writes them).
    pub fn take_clipboard(&mut self) -> Vec<String> {
        std::mem::take(&mut self.passage.clipboard)
    }
}

/// Whether the quotation marks of `s` pair up: every `”` closes an earlier `“`.
fn balanced(s: &str) -> bool {
    pairs_up(s, '“', '”')
}

/// Whether the marks `open` and `close` in `s` pair up: every `close` closes an earlier `open`.
fn pairs_up(s: &str, open: char, close: char) -> bool {
    let mut depth = 0usize;
    for c in s.chars() {
        if c == open {
            depth += 1;
        } else if c == close {
            match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            }
        }
    }
    depth == 0
}

/// A title as the citation sets it in book-title marks (《》): without marks of its own that
/// enclose it whole (a novel titled `《西游记》`), and with the marks of a title named inside
/// it made single (〈〉), as book-title marks within book-title marks are written
/// (`国务院关于印发〈国务院工作规则〉的通知`).
fn in_book_marks(title: &str) -> String {
    let inner = title.strip_prefix('《').and_then(|t| t.strip_suffix('》'));
    let title = inner.filter(|t| pairs_up(t, '《', '》')).unwrap_or(title);
    title.replace('《', "〈").replace('》', "〉")
}

/// `text` without the quotation marks at its ends that belong to it as a whole: both when
/// they pair with each other, else an opening one left unclosed or a closing one left
/// unopened (a selection that took one mark of a quote).
fn unquoted(text: &str) -> &str {
    let lead = text.strip_prefix('“');
    let trail = text.strip_suffix('”');
    if let Some(both) = lead.and_then(|t| t.strip_suffix('”'))
        && balanced(both)
    {
        return both;
    }
    if balanced(text) {
        return text;
    }
    lead.filter(|t| balanced(t)).or(trail.filter(|t| balanced(t))).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::{in_book_marks, unquoted};

    #[test]
    fn a_title_in_book_marks_loses_its_own_and_a_title_inside_it_takes_single_ones() {
        assert_eq!(in_book_marks("上海新观察"), "上海新观察");
        assert_eq!(in_book_marks("《西游记》"), "西游记");
        assert_eq!(
            in_book_marks("国务院关于印发《国务院工作规则》的通知"),
            "国务院关于印发〈国务院工作规则〉的通知"
        );
        assert_eq!(
            in_book_marks("《红楼梦》与《水浒传》"),
            "〈红楼梦〉与〈水浒传〉",
            "two titles, not one enclosed"
        );
        assert_eq!(in_book_marks("《读〈论语〉》"), "读〈论语〉");
        assert_eq!(in_book_marks("《未完"), "〈未完");
    }

    #[test]
    fn a_quotes_own_marks_are_taken_off_once() {
        assert_eq!(unquoted("“好的。”"), "好的。");
        assert_eq!(unquoted("“好的。"), "好的。");
        assert_eq!(unquoted("好的。”"), "好的。");
        assert_eq!(unquoted("他说“好的”"), "他说“好的”");
        assert_eq!(unquoted("“甲”和“乙”"), "“甲”和“乙”");
        assert_eq!(unquoted("“他说“好”。”"), "他说“好”。");
        assert_eq!(unquoted("好的"), "好的");
    }
}
