//! Names for imports: of a module, and whether a name can be imported.

use std::path::Path;

pub(super) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !RESERVED.contains(&name)
}

/// A name for a module: `crypto`, `fsPromises`, `coreFunctionsToolbelt`, `data` for `./data.json`.
pub(super) fn base_name(spec: &str) -> String {
    let spec = spec.strip_prefix("node:").unwrap_or(spec);
    let words: Vec<&str> = if spec.starts_with('.') || spec.starts_with('/') {
        let path = Path::new(spec);
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let stem = if stem == "index" {
            path.parent()
                .and_then(|p| p.file_name())
                .and_then(|s| s.to_str())
                .unwrap_or(stem)
        } else {
            stem
        };
        vec![stem]
    } else {
        let unscoped = match spec.strip_prefix('@') {
            Some(rest) => rest.split_once('/').map_or(rest, |(_, name)| name),
            None => spec,
        };
        unscoped.split('/').collect()
    };
    let mut name = String::new();
    for word in words {
        for part in word.split(|c: char| !c.is_alphanumeric() && c != '_' && c != '$') {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                if name.is_empty() {
                    name.push(first);
                } else {
                    name.extend(first.to_uppercase());
                }
                name.extend(chars);
            }
        }
    }
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) || RESERVED.contains(&name.as_str()) {
        name.insert(0, '_');
    }
    name
}

pub(super) const RESERVED: &[&str] = &[
    "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
    "default", "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally",
    "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new",
    "null", "package", "private", "protected", "public", "return", "static", "super", "switch",
    "this", "throw", "true", "try", "typeof", "undefined", "var", "void", "while", "with", "yield",
    "require", "module", "exports", "lambda",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names() {
        assert_eq!(base_name("crypto"), "crypto");
        assert_eq!(base_name("node:fs/promises"), "fsPromises");
        assert_eq!(base_name("core-functions-toolbelt"), "coreFunctionsToolbelt");
        assert_eq!(base_name("@jsforce/jsforce-node"), "jsforceNode");
        assert_eq!(base_name("./data.json"), "data");
        assert_eq!(base_name("../lib/index.js"), "lib");
        assert_eq!(base_name("oauth-1.0a"), "oauth10a");
        assert_eq!(base_name("1password"), "_1password");
    }

}
