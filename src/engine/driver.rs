//! The fix loop every kind of file goes through: parse → one pass of rules → the fixes taken →
//! apply → parse again, until a pass changes nothing. What a kind of file brings (its parser, its
//! rules and what it keeps of their findings) is a [`Passes`]; the loop itself, the pass limit,
//! cancellation and the errors for text that stops parsing are written once, here.

use crate::edit::{self, Edit};
use crate::model::{Error, Options};

/// What one kind of file (JavaScript, a project's JSON) brings to the loop.
pub(crate) trait Passes {
    /// The parse of one pass's text.
    type Tree;
    /// Why a text does not parse.
    type ParseError;

    fn parse(&mut self, text: &str) -> Result<Self::Tree, Self::ParseError>;

    /// The error for an input that does not parse.
    fn invalid_input(&self, input: &str, error: Self::ParseError) -> Error;

    /// The error for a pass whose `edits` turned `before` into text that does not parse.
    fn broken(&self, input: &str, before: &str, edits: &[Edit], error: Self::ParseError) -> Error;

    /// Runs the rules once over `tree`, the parse of `current`; returns the edits to apply (the
    /// fixes taken, without overlaps). `composed` maps `current` back to the input.
    fn pass(
        &mut self,
        current: &str,
        tree: &mut Self::Tree,
        composed: &[Edit],
    ) -> Result<Vec<Edit>, Error>;
}

/// Where the loop ended.
pub(crate) struct Settled<T> {
    /// The final text.
    pub current: String,
    /// The edits that made it, against the input.
    pub composed: Vec<Edit>,
    pub passes: usize,
    /// The parse of the final text (the pass that changed nothing).
    pub last: T,
}

/// Runs passes over `input` until one changes nothing.
pub(crate) fn run<P: Passes>(
    kind: &mut P,
    input: &str,
    options: &Options,
) -> Result<Settled<P::Tree>, Error> {
    let mut current = input.to_string();
    let mut composed: Vec<Edit> = Vec::new();
    let mut previous: Option<(String, Vec<Edit>)> = None;
    let mut passes = 0;
    loop {
        options.check_cancelled()?;
        let mut tree = match kind.parse(&current) {
            Ok(tree) => tree,
            Err(error) => {
                return Err(match previous {
                    None => kind.invalid_input(input, error),
                    Some((before, edits)) => kind.broken(input, &before, &edits, error),
                })
            }
        };
        if passes == options.max_passes {
            return Err(Error::Internal {
                rules: rule_names(&composed),
                message: format!("the rules did not settle after {passes} passes"),
            });
        }
        passes += 1;
        let edits = kind.pass(&current, &mut tree, &composed)?;
        if edits.is_empty() {
            return Ok(Settled {
                current,
                composed,
                passes,
                last: tree,
            });
        }
        composed = edit::compose(&composed, &current, &edits);
        let next = edit::apply(&current, &edits);
        previous = Some((std::mem::replace(&mut current, next), edits));
    }
}

/// The rules that made `edits`, each once.
pub(crate) fn rule_names(edits: &[Edit]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = edits.iter().map(|e| e.rule).collect();
    names.sort_unstable();
    names.dedup();
    names
}
