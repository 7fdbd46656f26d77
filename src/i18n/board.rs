//! Words of the round board (排名, docs/design.md §15), for `zicha board`, the home
//! screen's ranking view and the round xlsx's 排名 sheet.

use super::Lang;
use crate::model::board::Band;

pub struct BoardTexts {
    /// The sheet's name and the view's title.
    pub title: &'static str,
    pub rank: &'static str,
    pub department: &'static str,
    pub percent: &'static str,
    pub deducted: &'static str,
    pub verdict: &'static str,
    pub checked: &'static str,
    pub open_rectifications: &'static str,
    pub on_time_rate: &'static str,
    pub band: &'static str,
    /// Narrow column headers of the UI's ranking view.
    pub open_short: &'static str,
    pub on_time_short: &'static str,
    /// The board's heading: "排名：2026年11月上半月".
    pub heading: fn(round: &str) -> String,
    pub no_sessions: &'static str,
    /// The view before the on-time rates have been read.
    pub loading: &'static str,
}

pub const ZH: BoardTexts = BoardTexts {
    title: "排名",
    rank: "名次",
    department: "部门",
    percent: "得分率",
    deducted: "扣分",
    verdict: "结论",
    checked: "已查",
    open_rectifications: "未销号整改",
    on_time_rate: "按时整改率",
    band: "分档",
    open_short: "整改",
    on_time_short: "按时率",
    heading: |round| format!("排名：{round}"),
    no_sessions: "这一轮还没有部门检查。",
    loading: "正在读取整改记录",
};

pub const EN: BoardTexts = BoardTexts {
    title: "Ranking",
    rank: "Rank",
    department: "Department",
    percent: "Percent",
    deducted: "Deducted",
    verdict: "Verdict",
    checked: "Checked",
    open_rectifications: "Open fixes",
    on_time_rate: "On time",
    band: "Band",
    open_short: "Open",
    on_time_short: "OnTime",
    heading: |round| format!("Ranking: {round}"),
    no_sessions: "No department sessions in this round yet.",
    loading: "Reading rectifications",
};

impl Lang {
    pub fn board(self) -> &'static BoardTexts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// A band's word, shown beside its colour so that it reads without colour
    /// (NO_COLOR) and in print: 红灯 / 黄灯 / 绿灯, as the traffic-light 预警 lists say.
    pub fn band(self, band: Band) -> &'static str {
        match (self, band) {
            (Lang::Zh, Band::Red) => "红灯",
            (Lang::Zh, Band::Yellow) => "黄灯",
            (Lang::Zh, Band::Green) => "绿灯",
            (Lang::En, Band::Red) => "red",
            (Lang::En, Band::Yellow) => "yellow",
            (Lang::En, Band::Green) => "green",
        }
    }
}
