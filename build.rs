//! Embeds every `checklists/*.ron` file in the binary, so built-in checklists need no setup.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=checklists");
    let dir = Path::new("checklists");
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".ron"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("pub const BUILTIN_CHECKLISTS: &[(&str, &str)] = &[\n");
    for name in &names {
        println!("cargo:rerun-if-changed=checklists/{name}");
        let path = fs::canonicalize(dir.join(name)).expect("checklist path");
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("builtin_checklists.rs");
    fs::write(out, code).expect("write builtin_checklists.rs");
}
