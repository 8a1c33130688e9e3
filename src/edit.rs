//! Text edits: the only way a rule changes a file.
//!
//! A rule never reprints code. It returns [`Edit`]s, byte ranges of the source it saw plus the text
//! that replaces them; everything outside those ranges stays byte-identical. The engine keeps a
//! non-overlapping subset per pass ([`select`]), applies it ([`apply`]), and folds each pass into
//! one list of edits against the original source ([`compose`]), which is what editors apply.

use crate::line_index::Location;
use serde::Serialize;
use std::ops::Range;

/// One change to the input, against the input as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AppliedEdit {
    /// The rule that made the edit.
    pub rule: &'static str,
    /// Byte range in the input.
    pub range: Range<usize>,
    /// Where the range starts and ends in the input.
    pub start: Location,
    /// See `start`.
    pub end: Location,
    /// The replacement text.
    pub text: String,
}

/// Replace `start..end` (UTF-8 byte offsets) with `text`. An insertion has `start == end`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced (`start` for an insertion).
    pub end: usize,
    /// The replacement text.
    pub text: String,
    /// The rule that asked for this edit.
    pub rule: &'static str,
    /// The fix it belongs to: the edits of one fix are applied together or not at all.
    #[serde(skip)]
    pub fix: usize,
}

impl Edit {
    /// Replaces `range` with `text`, on behalf of `rule`.
    pub fn replace(range: Range<usize>, text: impl Into<String>, rule: &'static str) -> Self {
        Edit {
            start: range.start,
            end: range.end,
            text: text.into(),
            rule,
            fix: 0,
        }
    }

    /// Inserts `text` at byte `at`, on behalf of `rule`.
    pub fn insert(at: usize, text: impl Into<String>, rule: &'static str) -> Self {
        Edit::replace(at..at, text, rule)
    }

    /// The byte range replaced.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    fn delta(&self) -> isize {
        self.text.len() as isize - (self.end - self.start) as isize
    }
}

/// Keeps the fixes that do not overlap, whole: fixes are taken in the order they were made
/// (rules run in order), and a fix with an edit that overlaps an edit already kept is dropped with
/// all its edits. The same change asked for by several rules is made once. The result is sorted;
/// at one offset, inserted lines (an import, a marker) go before inserted words (`async `): a
/// line inserted at a line start belongs above the code that starts there. Dropped fixes are
/// not lost: their rules find the same places again on the next pass.
pub fn select(edits: Vec<Edit>) -> Vec<Edit> {
    select_deferring(edits).0
}

/// [`select`], also returning the edits it dropped: their rules ask for them again on the next
/// pass, so what those rules reported about the same places is not final.
pub fn select_deferring(edits: Vec<Edit>) -> (Vec<Edit>, Vec<Edit>) {
    // The fixes in the order their first edit was made.
    // An edit of fix 0 (made outside any fix) is a fix of its own.
    let mut order: Vec<usize> = Vec::new();
    let mut groups: std::collections::HashMap<usize, Vec<Edit>> = std::collections::HashMap::new();
    for (i, edit) in edits.into_iter().enumerate() {
        let key = if edit.fix == 0 {
            usize::MAX - i
        } else {
            edit.fix
        };
        let group = groups.entry(key).or_default();
        if group.is_empty() {
            order.push(key);
        }
        group.push(edit);
    }
    let mut taken = Taken::default();
    let mut kept: Vec<Edit> = Vec::new();
    let mut deferred = Vec::new();
    for fix in order {
        let mut group = groups.remove(&fix).unwrap_or_default();
        group.sort_by_key(|e| (e.start, e.end, e.start == e.end && !e.text.contains('\n')));
        let fresh: Vec<Edit> = group.into_iter().filter(|e| !taken.has_same(e)).collect();
        if fresh.iter().any(|e| taken.conflicts(e)) {
            deferred.extend(fresh);
            continue;
        }
        // Edits of one fix that overlap each other: the first in the text stands, the others
        // come back next pass (the rule sees the result of the first).
        let mut own = Taken::default();
        for e in fresh {
            if own.conflicts(&e) || own.has_same(&e) {
                if !own.has_same(&e) {
                    deferred.push(e);
                }
                continue;
            }
            own.add(&e);
            taken.add(&e);
            kept.push(e);
        }
    }
    kept.sort_by_key(|e| (e.start, e.end, e.start == e.end && !e.text.contains('\n')));
    (kept, deferred)
}

/// Whether two edits (their ranges) change overlapping text: replacements that share a byte, or
/// an insertion strictly inside a replaced range. Insertions at one offset, and an insertion at
/// the edge of a replacement, do not conflict.
fn conflict(a: Range<usize>, b: Range<usize>) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => false,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// The edits kept so far, by start, for overlap tests in logarithmic time.
#[derive(Default)]
struct Taken {
    /// Each kept edit's end and text, by its start.
    by_start: std::collections::BTreeMap<usize, Vec<(usize, String)>>,
    /// The widest kept replacement, to bound how far back an overlapping one can start.
    widest: usize,
}

impl Taken {
    fn add(&mut self, e: &Edit) {
        self.by_start
            .entry(e.start)
            .or_default()
            .push((e.end, e.text.clone()));
        self.widest = self.widest.max(e.end - e.start);
    }

    /// Whether the same change (range and text) is kept already.
    fn has_same(&self, e: &Edit) -> bool {
        self.by_start.get(&e.start).is_some_and(|kept| {
            kept.iter()
                .any(|(end, text)| *end == e.end && *text == e.text)
        })
    }

    fn conflicts(&self, e: &Edit) -> bool {
        let from = e.start.saturating_sub(self.widest);
        self.by_start
            .range(from..e.end.max(e.start + 1))
            .any(|(&start, kept)| kept.iter().any(|(end, _)| conflict(e.range(), start..*end)))
    }
}

/// Applies sorted, non-overlapping edits to `source`.
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let grow: isize = edits.iter().map(Edit::delta).sum();
    let mut out = String::with_capacity((source.len() as isize + grow).max(0) as usize);
    let mut pos = 0;
    for edit in edits {
        out.push_str(&source[pos..edit.start]);
        out.push_str(&edit.text);
        pos = edit.end;
    }
    out.push_str(&source[pos..]);
    out
}

/// Folds one pass into the edits made so far.
///
/// `done` is sorted, non-overlapping and relative to `original`; `current` is `apply(original,
/// done)`; `pass` is sorted, non-overlapping and relative to `current`. The result is relative to
/// `original` and `apply(original, result) == apply(current, pass)`. A pass edit that touches an
/// earlier edit is merged with it, so each result edit still covers one contiguous change.
pub fn compose(done: &[Edit], current: &str, pass: &[Edit]) -> Vec<Edit> {
    // Both lists as ranges of `current`, in order; `false` marks an earlier edit.
    let mut items: Vec<(usize, usize, bool, usize)> = Vec::with_capacity(done.len() + pass.len());
    let mut shift: isize = 0;
    for (i, e) in done.iter().enumerate() {
        let start = (e.start as isize + shift) as usize;
        items.push((start, start + e.text.len(), false, i));
        shift += e.delta();
    }
    items.extend(
        pass.iter()
            .enumerate()
            .map(|(i, e)| (e.start, e.end, true, i)),
    );
    items.sort_by_key(|&(start, end, is_pass, _)| (start, is_pass, end));

    let mut result = Vec::with_capacity(items.len());
    let mut shift_before: isize = 0; // growth from earlier edits before the current group
    let mut i = 0;
    while i < items.len() {
        let (group_start, mut group_end, ..) = items[i];
        let mut j = i + 1;
        while j < items.len() && items[j].0 <= group_end {
            group_end = group_end.max(items[j].1);
            j += 1;
        }
        let group = &items[i..j];
        let group_shift: isize = group
            .iter()
            .filter(|it| !it.2)
            .map(|it| done[it.3].delta())
            .sum();
        if group.iter().all(|it| !it.2) {
            result.extend(group.iter().map(|it| done[it.3].clone()));
        } else if let [(_, _, true, p)] = group {
            let e = &pass[*p];
            result.push(Edit {
                start: (e.start as isize - shift_before) as usize,
                end: (e.end as isize - shift_before) as usize,
                ..e.clone()
            });
        } else {
            let mut text = String::new();
            let mut pos = group_start;
            for &(_, _, is_pass, k) in group.iter().filter(|it| it.2) {
                debug_assert!(is_pass);
                let e = &pass[k];
                text.push_str(&current[pos..e.start]);
                text.push_str(&e.text);
                pos = e.end;
            }
            text.push_str(&current[pos..group_end]);
            let first = group[0];
            result.push(Edit {
                start: (group_start as isize - shift_before) as usize,
                end: (group_end as isize - shift_before - group_shift) as usize,
                fix: 0,
                text,
                rule: if first.2 {
                    pass[first.3].rule
                } else {
                    done[first.3].rule
                },
            });
        }
        shift_before += group_shift;
        i = j;
    }
    result
}

/// Offsets mapped across a list of edits (sorted, non-overlapping, against one text): each
/// question is a binary search, so mapping every finding of a file stays linear in its size.
pub struct Offsets<'e> {
    edits: &'e [Edit],
    /// The growth of the text before each edit, and after the last (one more entry).
    shift: Vec<isize>,
}

impl<'e> Offsets<'e> {
    /// The index of `edits`, which must be sorted and must not overlap.
    pub fn new(edits: &'e [Edit]) -> Offsets<'e> {
        let mut shift = Vec::with_capacity(edits.len() + 1);
        let mut total: isize = 0;
        shift.push(0);
        for e in edits {
            total += e.delta();
            shift.push(total);
        }
        Offsets { edits, shift }
    }

    /// Where edit `i` starts in the text after the edits.
    fn new_start(&self, i: usize) -> usize {
        (self.edits[i].start as isize + self.shift[i]) as usize
    }

    /// Where `offset` of the text before the edits ends up after them. An insertion at `offset`
    /// lands before it; an offset inside a replaced range moves to the start of the replacement.
    pub fn forward(&self, offset: usize) -> usize {
        // The edits wholly before `offset`, and insertions at it (the order keeps an insertion
        // before a replacement that starts at the same place).
        let k = self
            .edits
            .partition_point(|e| e.start < offset || (e.start == offset && e.end <= offset));
        if k > 0 && self.edits[k - 1].end > offset {
            return self.new_start(k - 1);
        }
        (offset as isize + self.shift[k]) as usize
    }

    /// Where `offset` of the text after the edits came from before them. An offset inside
    /// inserted text maps to the start of the edit that inserted it.
    pub fn back(&self, offset: usize) -> usize {
        // The new starts grow with the index: each edit's new text ends before the next starts.
        let mut lo = 0;
        let mut hi = self.edits.len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.new_start(mid) <= offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let k = lo;
        if k > 0 && offset < self.new_start(k - 1) + self.edits[k - 1].text.len() {
            return self.edits[k - 1].start;
        }
        (offset as isize - self.shift[k]) as usize
    }

    /// An edit of the text after the edits as an edit of the text before them, when it only
    /// touches text they left as it was.
    pub fn back_to_input(&self, e: &Edit) -> Option<Edit> {
        let start = self.back(e.start);
        let end = self.back(e.end);
        // An edit that starts, or one that ends, strictly inside `start..end`.
        let inside = |at: usize| start < at && at < end;
        let starts = self.edits.partition_point(|d| d.start <= start);
        let ends = self.edits.partition_point(|d| d.end <= start);
        let untouched = self.forward(start) == e.start
            && self.forward(end) == e.end
            && !self.edits.get(starts).is_some_and(|d| inside(d.start))
            && !self.edits.get(ends).is_some_and(|d| inside(d.end));
        untouched.then(|| Edit {
            start,
            end,
            ..e.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, text: &str) -> Edit {
        Edit::replace(start..end, text, "t")
    }

    #[test]
    fn select_drops_overlaps_and_duplicates() {
        let kept = select(vec![
            e(4, 8, "x"),
            e(0, 2, "a"),
            e(5, 6, "y"),
            Edit::replace(0..2, "a", "other"),
            e(8, 8, "z"),
        ]);
        assert_eq!(kept, vec![e(0, 2, "a"), e(4, 8, "x"), e(8, 8, "z")]);
    }

    #[test]
    fn inserted_lines_go_above_inserted_words() {
        let kept = select(vec![
            e(0, 0, "async "),
            e(0, 0, "import x;\n"),
            e(0, 8, "function"),
        ]);
        assert_eq!(
            apply("function f() {}", &kept),
            "import x;\nasync function f() {}"
        );
    }

    #[test]
    fn apply_replaces_and_inserts() {
        assert_eq!(
            apply(
                "hello world",
                &[e(0, 0, ">"), e(0, 5, "HI"), e(11, 11, "!")]
            ),
            ">HI world!"
        );
    }

    #[test]
    fn compose_matches_sequential_application() {
        let original = "const a = 1;\nconst b = 2;\nconst c = 3;\n";
        let pass1 = vec![e(6, 7, "alpha"), e(19, 20, "beta")];
        let current = apply(original, &pass1);
        // touches the first edit, inserts in untouched text, and extends the second edit
        let pass2 = vec![e(6, 11, "ALPHA"), e(13, 13, "// x\n"), e(23, 27, "BETA =")];
        let expected = apply(&current, &pass2);
        let composed = compose(&compose(&[], original, &pass1), &current, &pass2);
        assert_eq!(apply(original, &composed), expected);
        assert!(composed.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn maps_offsets_both_ways() {
        let edits = [e(2, 4, "XYZ"), e(6, 6, "++")];
        let offsets = Offsets::new(&edits);
        assert_eq!(offsets.forward(1), 1);
        assert_eq!(offsets.forward(3), 2);
        assert_eq!(offsets.forward(5), 6);
        assert_eq!(offsets.forward(6), 9);
        assert_eq!(offsets.back(3), 2);
        assert_eq!(offsets.back(6), 5);
        assert_eq!(offsets.back(7), 6);
        assert_eq!(offsets.back(9), 6);
    }

    /// Random passes of random edits: the composed edits always give the same text as applying
    /// the passes one after another, and stay sorted and non-overlapping.
    #[test]
    fn compose_agrees_with_sequential_application_on_random_passes() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |bound: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % bound.max(1)
        };
        for _ in 0..500 {
            let original: String = (0..next(40))
                .map(|i| (b'a' + (i % 26) as u8) as char)
                .collect();
            let mut current = original.clone();
            let mut composed: Vec<Edit> = Vec::new();
            for _ in 0..1 + next(4) {
                let mut edits = Vec::new();
                for _ in 0..next(5) {
                    let start = next(current.len() + 1);
                    let end = (start + next(4)).min(current.len());
                    let text: String = "XYZ"[..next(4)].to_string();
                    edits.push(Edit::replace(start..end, text, "t"));
                }
                let pass = select(edits);
                composed = compose(&composed, &current, &pass);
                current = apply(&current, &pass);
                assert_eq!(apply(&original, &composed), current);
                assert!(
                    composed.windows(2).all(|w| w[0].end <= w[1].start),
                    "{composed:?}"
                );
            }
        }
    }

    /// The offset index answers as a walk over every edit does, on random edits.
    #[test]
    fn offsets_agree_with_a_walk_over_every_edit() {
        fn forward(offset: usize, edits: &[Edit]) -> usize {
            let mut shift: isize = 0;
            for e in edits {
                if e.start > offset || (e.start == offset && e.end > offset) {
                    break;
                }
                if e.end > offset {
                    return (e.start as isize + shift) as usize;
                }
                shift += e.delta();
            }
            (offset as isize + shift) as usize
        }
        fn back(offset: usize, edits: &[Edit]) -> usize {
            let mut shift: isize = 0;
            for e in edits {
                let new_start = (e.start as isize + shift) as usize;
                if new_start > offset {
                    break;
                }
                if offset < new_start + e.text.len() {
                    return e.start;
                }
                shift += e.delta();
            }
            (offset as isize - shift) as usize
        }
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % bound.max(1)
        };
        for _ in 0..500 {
            let len = next(40);
            let mut edits = Vec::new();
            for _ in 0..next(8) {
                let start = next(len + 1);
                let end = (start + next(4)).min(len);
                edits.push(Edit::replace(start..end, &"XYZ"[..next(4)], "t"));
            }
            let edits = select(edits);
            let offsets = Offsets::new(&edits);
            let after = (len as isize + edits.iter().map(Edit::delta).sum::<isize>()) as usize;
            for offset in 0..=len {
                assert_eq!(
                    offsets.forward(offset),
                    forward(offset, &edits),
                    "{edits:?}"
                );
            }
            for offset in 0..=after {
                assert_eq!(offsets.back(offset), back(offset, &edits), "{edits:?}");
                let start = offset;
                let end = (offset + next(5)).min(after);
                let e = Edit::replace(start..end, "Q", "t");
                let (s, t) = (back(start, &edits), back(end, &edits));
                let expected = (forward(s, &edits) == start
                    && forward(t, &edits) == end
                    && !edits
                        .iter()
                        .any(|d| (s < d.start && d.start < t) || (s < d.end && d.end < t)))
                .then_some((s, t));
                let got = offsets.back_to_input(&e).map(|e| (e.start, e.end));
                assert_eq!(got, expected, "{edits:?} {start}..{end}");
            }
        }
    }
}
