//! Quotations (“…”, 「…」): spans, kind (speech or term) and speaker.
//!
//! Pairing works like brackets, one paragraph at a time: each closing mark closes the
//! nearest open mark of its kind, and only the outermost pairs are quotations, so `‘…’`
//! (or a stray inner `“…”`) stays part of the quote around it and an unpaired mark never
//! reaches past its paragraph.
//!
//! Speakers come from what the text says next to the quote (`陈海慈表示,“…”`,
//! `“…”首席架构师丁成说`, `常莉说:“…”`, `用…徐晖的话说,“…”`); a pronoun (`他说`) stands for
//! the person last named in the paragraph (or, for a paragraph that opens with the quote,
//! the one before). A person a story names by what they are (`卖豆腐的在说`, `赶车的车夫说`,
//! `主人问：` closing the paragraph before) is named by that phrase (`roles`). When nothing
//! names the speaker the speaker is `None`, but for lines whose speaker is given by what is
//! around them: the action after the line (not a hearer's reaction to it), the line before
//! in the same paragraph, or, for a report's line closing its paragraph, the person of the
//! report the sentence before opens with (`beats`).

use std::collections::HashMap;
use std::ops::Range;

mod beats;
mod clauses;
pub(crate) use clauses::is_sentence_end;
mod model;
mod people;
mod roles;
mod speakers;
mod words;
use clauses::*;
pub use model::{Quote, QuoteKind};
use people::*;
use speakers::*;

/// Finds the quotations of a document; `paragraphs` are the byte ranges of its paragraphs
/// in order (a quote never spans two).
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quote> {
    find_quotes_pausing(text, paragraphs, &mut || {})
}

/// How many paragraphs each pass of [`find_quotes_pausing`] reads between two calls of its
/// `pause`.
const PAUSE_EVERY: usize = 64;

/// [`find_quotes`], calling `pause` every 64 paragraphs (`PAUSE_EVERY`) of each pass: a thread
/// that finds quotes beside the reader gives way to the reader's keys there.
pub fn find_quotes_pausing(text: &str, paragraphs: &[Range<usize>], pause: &mut dyn FnMut()) -> Vec<Quote> {
    let mut now_and_then = |i: usize| {
        if i.is_multiple_of(PAUSE_EVERY) {
            pause();
        }
    };
    let paras: Vec<Range<usize>> = paragraphs
        .iter()
        .filter(|p| p.start <= p.end && p.end <= text.len())
        .filter(|p| text.is_char_boundary(p.start) && text.is_char_boundary(p.end))
        .cloned()
        .collect();
    let all_pairs: Vec<Vec<Range<usize>>> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            now_and_then(i);
            pairs(text, p.clone())
        })
        .collect();
    if all_pairs.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let all_attr: Vec<Vec<Attribution>> = paras
        .iter()
        .zip(&all_pairs)
        .enumerate()
        .map(|(i, (p, q))| {
            now_and_then(i);
            if q.is_empty() { Vec::new() } else { attributions(text, p.clone(), q) }
        })
        .collect();
    let people = collect_people(text, &paras, &all_pairs, &all_attr, &mut now_and_then);

    let mut out = Vec::new();
    // The title each person was given when last named with one, for the pronouns that
    // stand for them later.
    let mut titles: HashMap<String, String> = HashMap::new();
    for (pi, para) in paras.iter().enumerate() {
        now_and_then(pi);
        let ctx = Context {
            text,
            para: para.clone(),
            pairs: &all_pairs[pi],
            attrs: &all_attr[pi],
            people: &people,
            prev: paras[..pi].iter().rev().find(|p| !text[(*p).clone()].trim().is_empty()).cloned(),
        };
        for q in &all_pairs[pi] {
            let (kind, who) = ctx.classify(q.clone());
            let (speaker, speaker_title) = match who {
                Some(Who::Name(n, t)) => (Some(n), t),
                Some(Who::Pronoun(she)) => {
                    let from = paras[pi.saturating_sub(1)].start;
                    // `他对张三说：“…”`: the pronoun stands for someone named before it, not
                    // for the one it speaks to.
                    // (Looked for within the pronoun's reach, so a long paragraph without a
                    // sentence end is not read again for each quote.)
                    let near = text[from..q.start]
                        .char_indices()
                        .rev()
                        .nth(LOOKBACK)
                        .map_or(from, |(i, _)| from + i);
                    let sentence = text[near..q.start]
                        .rfind(|c| is_sentence_end(c) || is_close(c) || c == '\n')
                        .map_or(near, |i| near + i);
                    let end = text[sentence..q.start].rfind(['他', '她']).map_or(q.start, |i| sentence + i);
                    let name = people.last_of(text, from..end, she);
                    // The title the person had where last named, or in an earlier quote.
                    let title = name.and_then(|n| {
                        let at = n.as_ptr() as usize - text.as_ptr() as usize;
                        let clause = text[..at]
                            .rfind(|c| is_clause_end(c) || c == '\n')
                            .map_or(0, |i| i + text[i..].chars().next().map_or(0, char::len_utf8));
                        title_chain(&text[clause..at]).or_else(|| titles.get(n).cloned())
                    });
                    (name.map(str::to_string), title)
                }
                None => (None, None),
            };
            let (speaker, speaker_title) =
                if kind == QuoteKind::Speech { (speaker, speaker_title) } else { (None, None) };
            let speaker_title = speaker_title.filter(|t| speaker.is_some() && !is_description(t));
            if let (Some(n), Some(t)) = (&speaker, &speaker_title) {
                titles.insert(n.clone(), t.clone());
            }
            out.push(Quote { start: q.start, end: q.end, kind, speaker, speaker_title });
        }
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_reports;
