//! Changes to the text of an object literal that keep its layout: a literal written one property
//! a line keeps that layout (a removed property goes with its line, an added one gets its own
//! line), and a literal written on one line stays on one line.

use std::ops::Range;

/// Where a new property goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Before every other property.
    Start,
    /// Right after property `i`.
    After(usize),
    /// After every other property.
    End,
}

/// The planned changes to one object literal.
pub struct ObjectEditor<'s> {
    source: &'s str,
    /// The literal, braces included.
    range: Range<usize>,
    /// Each property (or spread), in order.
    props: Vec<Range<usize>>,
    removed: Vec<bool>,
    /// Edits inside properties that stay (a new key, a wrapped value), as ranges of `source`.
    changes: Vec<(Range<usize>, String)>,
    added: Vec<(Place, String)>,
    eol: &'static str,
}

impl<'s> ObjectEditor<'s> {
    pub fn new(
        source: &'s str,
        range: Range<usize>,
        props: Vec<Range<usize>>,
        eol: &'static str,
    ) -> Self {
        let removed = vec![false; props.len()];
        ObjectEditor {
            source,
            range,
            props,
            removed,
            changes: Vec::new(),
            added: Vec::new(),
            eol,
        }
    }

    pub fn remove(&mut self, index: usize) {
        self.removed[index] = true;
    }

    /// Replaces a range inside a property that stays.
    pub fn change(&mut self, range: Range<usize>, text: impl Into<String>) {
        self.changes.push((range, text.into()));
    }

    pub fn add(&mut self, place: Place, text: impl Into<String>) {
        self.added.push((place, text.into()));
    }

    /// How many properties the result has.
    pub fn len(&self) -> usize {
        self.removed.iter().filter(|r| !**r).count() + self.added.len()
    }

    /// Whether nothing changes.
    pub fn unchanged(&self) -> bool {
        self.changes.is_empty() && self.added.is_empty() && !self.removed.contains(&true)
    }

    /// The new text of the literal, or `None` when a comment between properties would be lost.
    pub fn render(&self) -> Option<String> {
        if self.unchanged() {
            return Some(self.source[self.range.clone()].to_string());
        }
        if self.one_property_a_line() {
            Some(self.render_lines())
        } else {
            self.render_inline()
        }
    }

    fn line_start(&self, at: usize) -> usize {
        crate::rules::support::line_start(self.source, at)
    }

    /// The offset after the line end that follows `at`, when only a comma, blanks and comments
    /// stand between.
    fn end_of_line_after(&self, at: usize) -> Option<usize> {
        let rest = &self.source[at..];
        let line_len = rest.find('\n')?;
        let line = rest[..line_len].trim_start();
        let line = line.strip_prefix(',').unwrap_or(line);
        (crate::rules::trivia_len(line) == line.len()).then_some(at + line_len + 1)
    }

    fn one_property_a_line(&self) -> bool {
        if self.props.is_empty() || self.end_of_line_after(self.range.start + 1).is_none() {
            return false;
        }
        let close = self.range.end - 1;
        if !self.source[self.line_start(close)..close].trim().is_empty() {
            return false;
        }
        self.props.iter().all(|p| {
            self.source[self.line_start(p.start)..p.start]
                .trim()
                .is_empty()
                && self.end_of_line_after(p.end).is_some()
        })
    }

    fn has_comma_after(&self, prop: usize) -> bool {
        self.source[self.props[prop].end..]
            .trim_start()
            .starts_with(',')
    }

    fn render_lines(&self) -> String {
        let indent = {
            let first = self.props[0].start;
            &self.source[self.line_start(first)..first]
        };
        let last = self.props.len() - 1;
        let trailing_comma = self.has_comma_after(last);
        let mut edits: Vec<(Range<usize>, String)> = self.changes.clone();
        for (i, p) in self.props.iter().enumerate() {
            if self.removed[i] {
                let start = self.line_start(p.start);
                let end = self.end_of_line_after(p.end).unwrap_or(p.end);
                edits.push((start..end, String::new()));
            }
        }
        let mut needs_comma_after_last = false;
        let at_end = |place: &Place| match place {
            Place::After(i) => *i >= last,
            Place::End => true,
            Place::Start => false,
        };
        let last_added_at_end = self.added.iter().rposition(|(p, _)| at_end(p));
        for (n, (place, text)) in self.added.iter().enumerate() {
            let (at, is_last) = match place {
                Place::Start => (self.line_start(self.props[0].start), false),
                Place::After(i) if *i < last => (
                    self.end_of_line_after(self.props[*i].end)
                        .unwrap_or(self.props[*i].end),
                    false,
                ),
                Place::After(_) | Place::End => (
                    self.end_of_line_after(self.props[last].end)
                        .unwrap_or(self.range.end - 1),
                    true,
                ),
            };
            let is_last = is_last && Some(n) == last_added_at_end;
            let comma = if !is_last || trailing_comma { "," } else { "" };
            needs_comma_after_last |= is_last && !self.removed[last] && !trailing_comma;
            edits.push((at..at, format!("{indent}{text}{comma}{}", self.eol)));
        }
        if needs_comma_after_last {
            let end = self.props[last].end;
            edits.push((end..end, ",".to_string()));
        }
        self.apply(edits)
    }

    fn render_inline(&self) -> Option<String> {
        // Comments between properties have nowhere to go.
        let first = self.props.first().map_or(self.range.end - 1, |p| p.start);
        let mut gaps: Vec<Range<usize>> = Vec::new();
        gaps.push(self.range.start + 1..first);
        for pair in self.props.windows(2) {
            gaps.push(pair[0].end..pair[1].start);
        }
        if let Some(last) = self.props.last() {
            gaps.push(last.end..self.range.end - 1);
        }
        if gaps.iter().any(|g| {
            let text = &self.source[g.clone()];
            text.contains("//") || text.contains("/*")
        }) {
            return None;
        }
        let mut items: Vec<String> = Vec::new();
        let added_at = |place: Place| -> Vec<String> {
            self.added
                .iter()
                .filter(|(p, _)| *p == place)
                .map(|(_, t)| t.clone())
                .collect()
        };
        items.extend(added_at(Place::Start));
        for (i, p) in self.props.iter().enumerate() {
            if !self.removed[i] {
                let changes: Vec<(Range<usize>, String)> = self
                    .changes
                    .iter()
                    .filter(|(r, _)| r.start >= p.start && r.end <= p.end)
                    .map(|(r, t)| (r.start - p.start..r.end - p.start, t.clone()))
                    .collect();
                items.push(apply_to(&self.source[p.clone()], changes));
            }
            items.extend(added_at(Place::After(i)));
        }
        items.extend(added_at(Place::End));
        if items.is_empty() {
            return Some("{}".to_string());
        }
        let inner = &self.source[self.range.start + 1..self.range.end - 1];
        let open = if inner.starts_with(char::is_whitespace) || inner.is_empty() {
            " "
        } else {
            ""
        };
        let close = if inner.ends_with(char::is_whitespace) || inner.is_empty() {
            " "
        } else {
            ""
        };
        Some(format!("{{{open}{}{close}}}", items.join(", ")))
    }

    /// Applies edits (ranges of `source` inside the literal) to the literal's text.
    fn apply(&self, edits: Vec<(Range<usize>, String)>) -> String {
        let base = self.range.start;
        apply_to(
            &self.source[self.range.clone()],
            edits
                .into_iter()
                .map(|(r, t)| (r.start - base..r.end - base, t))
                .collect(),
        )
    }
}

/// Applies non-overlapping edits (ranges of `text`) to `text`; insertions at one offset keep
/// their order.
pub fn apply_to(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (range, replacement) in edits {
        if range.start < pos {
            continue;
        }
        out.push_str(&text[pos..range.start]);
        out.push_str(&replacement);
        pos = range.end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An editor for the literal in `source` whose properties are the texts `props`, in order.
    fn editor<'s>(source: &'s str, props: &[&str]) -> ObjectEditor<'s> {
        let start = source.find('{').unwrap();
        let end = source.rfind('}').unwrap() + 1;
        let mut from = start + 1;
        let ranges = props
            .iter()
            .map(|p| {
                let at = from + source[from..].find(p).unwrap();
                from = at + p.len();
                at..from
            })
            .collect();
        ObjectEditor::new(source, start..end, ranges, "\n")
    }

    #[test]
    fn one_property_a_line_keeps_its_layout() {
        let src = "{\n  uri: u,\n  method: 'POST',\n  json: true,\n  body: b\n}";
        let mut e = editor(src, &["uri: u", "method: 'POST'", "json: true", "body: b"]);
        e.remove(0);
        e.remove(2);
        e.change(
            src.find("b\n").unwrap()..src.find("b\n").unwrap(),
            "JSON.stringify(",
        );
        e.change(
            src.find("b\n").unwrap() + 1..src.find("b\n").unwrap() + 1,
            ")",
        );
        e.add(Place::After(1), "headers: { a: 1 }");
        assert_eq!(
            e.render().unwrap(),
            "{\n  method: 'POST',\n  headers: { a: 1 },\n  body: JSON.stringify(b)\n}"
        );
    }

    #[test]
    fn adding_after_the_last_property_adds_its_comma() {
        let src = "{\n  method: 'GET' // why\n}";
        let mut e = editor(src, &["method: 'GET'"]);
        e.add(Place::End, "x: 1");
        assert_eq!(e.render().unwrap(), "{\n  method: 'GET', // why\n  x: 1\n}");
        let src = "{\n  a: 1,\n  b: 2,\n}";
        let mut e = editor(src, &["a: 1", "b: 2"]);
        e.remove(1);
        e.add(Place::End, "c: 3");
        assert_eq!(e.render().unwrap(), "{\n  a: 1,\n  c: 3,\n}");
    }

    #[test]
    fn comments_at_the_end_of_a_line_go_with_the_property() {
        let src = "{\n  a: 1, /* one */\n  // about b\n  b: 2, // two\n  c: 3\n}";
        let mut e = editor(src, &["a: 1", "b: 2", "c: 3"]);
        e.remove(0);
        e.remove(1);
        assert_eq!(e.render().unwrap(), "{\n  // about b\n  c: 3\n}");
    }

    #[test]
    fn several_properties_added_at_the_end_are_separated() {
        let src = "{\n  a: 1\n}";
        let mut e = editor(src, &["a: 1"]);
        e.add(Place::End, "b: 2");
        e.add(Place::End, "c: 3");
        assert_eq!(e.render().unwrap(), "{\n  a: 1,\n  b: 2,\n  c: 3\n}");
    }

    #[test]
    fn one_line_literals_stay_on_one_line() {
        let src = "{ json: true, method: 'GET', simple: false }";
        let props = ["json: true", "method: 'GET'", "simple: false"];
        let mut e = editor(src, &props);
        e.remove(0);
        e.remove(2);
        e.add(Place::After(1), "headers: {}");
        assert_eq!(e.render().unwrap(), "{ method: 'GET', headers: {} }");
        let mut e = editor(src, &props);
        for i in 0..3 {
            e.remove(i);
        }
        assert_eq!(e.len(), 0);
        assert_eq!(e.render().unwrap(), "{}");
        let src = "{}";
        let mut e = editor(src, &[]);
        e.add(Place::End, "a: 1");
        assert_eq!(e.render().unwrap(), "{ a: 1 }");
    }

    #[test]
    fn comments_between_properties_of_a_one_line_literal_refuse() {
        let src = "{ json: true, /* why */ method: 'GET' }";
        let mut e = editor(src, &["json: true", "method: 'GET'"]);
        e.remove(0);
        assert_eq!(e.render(), None);
    }
}
