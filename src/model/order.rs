//! The order departments are listed in (docs/design.md §14): the unit profile's
//! customary order where one is given, else pinyin order — what a Chinese office
//! expects, where code point order puts 人事科 before 办公室.

use std::cmp::Ordering;

use pinyin::ToPinyin;

use super::text::normalize_name;

/// One piece of a name as it sorts: a run of digits by its value, a Chinese
/// character by its pinyin and tone, anything else by itself, lowercased.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    Number(u64),
    Word(String, char),
}

/// The key a name sorts by in pinyin order: "第2大队" before "第10大队".
fn pinyin_key(name: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut digits = String::new();
    for c in name.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            pieces.push(Piece::Number(digits.parse().unwrap_or(u64::MAX)));
            digits.clear();
        }
        let word = match c.to_pinyin() {
            Some(pinyin) => pinyin.with_tone_num_end().to_string(),
            None => c.to_lowercase().collect(),
        };
        pieces.push(Piece::Word(word, c));
    }
    if !digits.is_empty() {
        pieces.push(Piece::Number(digits.parse().unwrap_or(u64::MAX)));
    }
    pieces
}

/// Compares two names in pinyin order (办公室 < 财务科 < 党群室 < 人事科).
pub fn pinyin_cmp(a: &str, b: &str) -> Ordering {
    pinyin_key(a).cmp(&pinyin_key(b)).then_with(|| a.cmp(b))
}

/// How departments are ordered: by the unit profile's list where one is given
/// (departments not on it follow, in pinyin order), else in pinyin order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DepartmentOrder {
    customary: Vec<String>,
}

impl DepartmentOrder {
    /// `customary`: the unit profile's departments, in order; empty for pinyin order.
    pub fn new<S: AsRef<str>>(customary: &[S]) -> DepartmentOrder {
        DepartmentOrder {
            customary: customary
                .iter()
                .map(|name| normalize_name(name.as_ref()))
                .collect(),
        }
    }

    fn position(&self, department: &str) -> Option<usize> {
        let wanted = normalize_name(department);
        self.customary.iter().position(|known| *known == wanted)
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match (self.position(a), self.position(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => pinyin_cmp(&normalize_name(a), &normalize_name(b)),
        }
    }

    /// Sorts `names` in this order.
    pub fn sort<S: AsRef<str>>(&self, names: &mut [S]) {
        names.sort_by(|a, b| self.compare(a.as_ref(), b.as_ref()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(order: &DepartmentOrder, names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        order.sort(&mut names);
        names
    }

    #[test]
    fn without_a_profile_departments_sort_by_pinyin_not_code_point() {
        let names = [
            "人事科",
            "党群室",
            "办公室",
            "财务科",
            "法制规划科",
            "后勤服务中心",
        ];
        assert_eq!(
            sorted(&DepartmentOrder::default(), &names),
            [
                "办公室",
                "财务科",
                "党群室",
                "法制规划科",
                "后勤服务中心",
                "人事科"
            ]
        );
    }

    #[test]
    fn numbers_inside_names_sort_by_value() {
        let names = ["第10执法大队", "第2执法大队", "第1执法大队"];
        assert_eq!(
            sorted(&DepartmentOrder::default(), &names),
            ["第1执法大队", "第2执法大队", "第10执法大队"]
        );
    }

    #[test]
    fn the_profile_order_comes_first_and_the_rest_follow_in_pinyin_order() {
        let order = DepartmentOrder::new(&["党群室", " 办公室", "人事科"]);
        let names = ["办公室", "财务科", "人事科", "党群室", "档案室"];
        assert_eq!(
            sorted(&order, &names),
            ["党群室", "办公室", "人事科", "财务科", "档案室"]
        );
    }
}
