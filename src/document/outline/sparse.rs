//! A value for a few of many blocks: what [`super::classify`] notes of each block when few
//! blocks have one (the chapter lines and numbered lines among a novel's 500,000
//! paragraphs), in less than a quarter of a byte a block besides the values present,
//! instead of an `Option` of the value's size.

/// Values for some of the positions `0..len()`, read like a slice of `Option<T>`: a bit per
/// position (whether it holds a value), for every 64 positions the number of values before
/// them, and the values present in order (a value cleared stays as `None`).
#[derive(Debug, Clone, Default)]
pub(super) struct Sparse<T> {
    /// Bit `i % 64` of word `i / 64`: position `i` holds a value.
    bits: Vec<u64>,
    /// `before[w]`: values at the positions before word `w`'s.
    before: Vec<u32>,
    values: Vec<Option<T>>,
    len: usize,
}

impl<T: Copy> Sparse<T> {
    /// Room for `n` positions.
    pub(super) fn with_capacity(n: usize) -> Self {
        let words = n.div_ceil(64);
        Sparse {
            bits: Vec::with_capacity(words),
            before: Vec::with_capacity(words),
            values: Vec::new(),
            len: 0,
        }
    }

    /// Appends a position holding `value`.
    ///
    /// A document has fewer blocks than its text has bytes, and the text is at most
    /// [`crate::document::load::MAX_FILE_BYTES`] long, so the counts fit in `u32`.
    pub(super) fn push(&mut self, value: Option<T>) {
        let bit = self.len % 64;
        if bit == 0 {
            self.bits.push(0);
            self.before.push(u32::try_from(self.values.len()).expect("fewer values than u32::MAX"));
        }
        if let Some(v) = value {
            *self.bits.last_mut().expect("a word for every position") |= 1 << bit;
            self.values.push(Some(v));
        }
        self.len += 1;
    }

    /// How many positions there are.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Where position `i`'s value is in `values`, if it has one.
    fn index(&self, i: usize) -> Option<usize> {
        if i >= self.len {
            return None;
        }
        let (w, bit) = (i / 64, i % 64);
        let word = self.bits[w];
        (word & (1 << bit) != 0)
            .then(|| self.before[w] as usize + (word & ((1 << bit) - 1)).count_ones() as usize)
    }

    /// The value at position `i` (none out of range, as `slice::get(i).flatten()`).
    pub(super) fn get(&self, i: usize) -> Option<T> {
        self.index(i).and_then(|k| self.values[k])
    }

    /// Position `i` holds no value from now on.
    pub(super) fn clear(&mut self, i: usize) {
        if let Some(k) = self.index(i) {
            self.values[k] = None;
        }
    }

    /// The positions holding a value, in order, with it.
    pub(super) fn present(&self) -> impl Iterator<Item = (usize, T)> + '_ {
        self.bits.iter().enumerate().flat_map(move |(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(w * 64 + bit)
            })
            .filter_map(|i| Some((i, self.get(i)?)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Sparse;
    use proptest::prelude::*;

    proptest! {
        /// Whatever is pushed and cleared, it reads as the `Vec<Option<T>>` it stands for.
        #[test]
        fn reads_as_a_vector_of_options(
            values in proptest::collection::vec(proptest::option::weighted(0.2, any::<(u8, u32)>()), 0..300),
            cleared in proptest::collection::vec(any::<prop::sample::Index>(), 0..20),
        ) {
            let mut sparse = Sparse::with_capacity(values.len());
            let mut plain = Vec::new();
            for v in values {
                sparse.push(v);
                plain.push(v);
            }
            if !plain.is_empty() {
                for c in cleared {
                    let i = c.index(plain.len());
                    sparse.clear(i);
                    plain[i] = None;
                }
            }
            prop_assert_eq!(sparse.len(), plain.len());
            for i in 0..plain.len() + 2 {
                prop_assert_eq!(sparse.get(i), plain.get(i).copied().flatten());
            }
            let present: Vec<(usize, (u8, u32))> =
                plain.iter().enumerate().filter_map(|(i, v)| Some((i, (*v)?))).collect();
            prop_assert_eq!(sparse.present().collect::<Vec<_>>(), present);
        }
    }

    #[test]
    fn an_empty_one_has_nothing() {
        let sparse: Sparse<u8> = Sparse::default();
        assert_eq!(sparse.len(), 0);
        assert_eq!(sparse.get(0), None);
        assert_eq!(sparse.present().count(), 0);
    }
}
