//! A checklist id from a file name: Chinese in pinyin ("细则" → `xize`), letters and
//! digits kept in lower case, everything else a '-'.

use pinyin::ToPinyin;

/// The longest id a checklist may have.
const MAX_ID: usize = 64;

/// "细则" → "xize", "2024年测评细则" → "2024-niancepingxize": a run of Chinese
/// characters becomes one word, a run of letters or digits another, joined by '-'.
pub fn id_from_file_name(stem: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_is_chinese = false;
    let flush = |current: &mut String, words: &mut Vec<String>| {
        if !current.is_empty() {
            words.push(std::mem::take(current));
        }
    };
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        if let Some(syllable) = c.to_pinyin() {
            if !current_is_chinese {
                flush(&mut current, &mut words);
            }
            current_is_chinese = true;
            current.push_str(syllable.plain());
        } else if c.is_ascii_alphanumeric() {
            if current_is_chinese {
                flush(&mut current, &mut words);
            }
            current_is_chinese = false;
            current.push(c);
        } else {
            flush(&mut current, &mut words);
        }
    }
    flush(&mut current, &mut words);
    let mut id = String::new();
    for word in words {
        let separator = usize::from(!id.is_empty());
        if id.len() + separator + word.len() > MAX_ID {
            let room = MAX_ID.saturating_sub(id.len() + separator);
            if room > 0 {
                if separator == 1 {
                    id.push('-');
                }
                id.push_str(&word[..room]);
            }
            break;
        }
        if separator == 1 {
            id.push('-');
        }
        id.push_str(&word);
    }
    if id.is_empty() {
        "imported".to_string()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::is_valid_id;

    #[test]
    fn chinese_names_become_pinyin() {
        assert_eq!(id_from_file_name("细则"), "xize");
        assert_eq!(id_from_file_name("测评细则"), "cepingxize");
        assert_eq!(
            id_from_file_name("2024年 文明单位测评细则"),
            "2024-nian-wenmingdanweicepingxize"
        );
        assert_eq!(id_from_file_name("Keshi_Table(v2)"), "keshi-table-v2");
    }

    #[test]
    fn every_name_gives_a_valid_id() {
        for name in ["", "——", "（）", &"很长的名字".repeat(40), "a.b.c", "Ⅳ号表"] {
            let id = id_from_file_name(name);
            assert!(is_valid_id(&id), "{name:?} → {id:?}");
        }
        assert_eq!(id_from_file_name("——"), "imported");
    }
}
