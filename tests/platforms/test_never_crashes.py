"""Unseen filings: whatever the text, the finder and the extractor answer (no exception, spans inside the text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic import TIANHE, synthetic_registry

from budgetkg.platforms.lineage_text import Node, extract
from budgetkg.platforms.mentions import find_mentions, view_of

REGISTRY = synthetic_registry()
PARENTS = {name: Node(key, "") for name, (key, _) in REGISTRY.names_in_scope(TIANHE).items()}
PIECES = st.sampled_from(
    ["平台", "系统", "中枢", "一张图", "大脑", "中台", "分平台", "试点", "作为", "包括：", "、", "，", "。", "“", "”",
     " ", "\n", "建设", "依托", "对接", "与", "以", "为依托", "升级为", "取代", "1+5", "一个", "N", "架构", "城智枢",
     "数据湖", "天河", "区", "智慧", "（", "）", "12345", "ＡＩ", "的"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.sampled_from([None, TIANHE]))
def test_finder_and_extractor_always_answer(text: str, place: str | None) -> None:
    view = view_of(text)
    mentions = find_mentions(view, REGISTRY, place)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(view.text)
        assert mention.surface and mention.name
    for stated in extract(view, mentions, Node("hub", ""), PARENTS):
        assert stated.subject != stated.object
        assert stated.quote
