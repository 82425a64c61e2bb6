//! `“好！”老人满意了。`: a quote opening its sentence, with no speech verb near it, followed
//! by a sentence whose subject is a known person (or a pronoun), is that person's: a story
//! follows a line of dialogue with what its speaker did.

use std::ops::Range;

use super::clauses::*;
use super::people::*;
use super::speakers::Context;

impl Context<'_> {
    /// The person opening the sentence right after quote `q`, when `q` opens its own
    /// sentence, ends with a sentence mark, and does not name that person itself (`“小三儿
    /// 呢？”小三儿是瑞全` tells who 小三儿 is; it is not 小三儿 speaking).
    pub(super) fn beat_after(&self, q: &Range<usize>) -> Option<Who> {
        let before = self.text[self.para.start..q.start].trim_end_matches([' ', '\t', '\u{3000}']);
        if before.chars().next_back().is_some_and(|c| !is_sentence_end(c) && !is_close(c)) {
            return None;
        }
        // The quote right before is someone else's line, or the same speaker's: unknown.
        if before.chars().next_back().is_some_and(is_close) {
            return None;
        }
        let inner = &self.text[q.start..q.end];
        let last = inner.chars().rev().nth(1)?;
        if !(is_sentence_end(last) || last == '—') {
            return None;
        }
        let rest = &self.text[q.end..self.para.end];
        let sentence = &rest[..rest.find(is_sentence_end).unwrap_or(rest.len())];
        // A sentence that leads into another quote, or says someone spoke, is another's.
        if sentence.contains(['“', '「', '：', ':']) || verb_at_end(sentence).is_some() {
            return None;
        }
        let clause = &sentence[..sentence.find(is_clause_end).unwrap_or(sentence.len())];
        for p in ["他", "她"] {
            if let Some(after) = clause.strip_prefix(p) {
                let next = after.chars().next();
                return next
                    .is_some_and(|c| is_han(c) && !"的们們人俩倆".contains(c))
                    .then_some(Who::Pronoun(p == "她"));
            }
        }
        let (n, after) = self.people.opening_name(clause)?;
        let joined = after.chars().next().is_none_or(|c| "的和与與及同、等们們之家是".contains(c));
        (!joined && !inner.contains(n)).then(|| Who::Name(n.to_string(), None))
    }
}
