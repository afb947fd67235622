"""Role mentions: the lexicon, its context rules, and extending it."""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.errors import PlanparseError
from planparse.extract import extract_document, load_roles
from planparse.extract.lexicon import default_roles, resolve_roles
from planparse.extract.roles import find_roles
from planparse.extract.textview import TextView

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def roles(text: str, lexicon=None) -> list[tuple[str, str, str]]:
    view = TextView(text)
    out = []
    for a, b, e in find_roles(view.text, lexicon or default_roles()):
        oa, ob = view.span(a, b)
        out.append((text[oa:ob], e.canonical, e.kind))
    return out


@pytest.mark.parametrize(
    ("text", "canonical", "kind"),
    [
        ("教务处", "教务处", "department"), ("政教处", "政教处", "department"), ("德育处", "德育处", "department"),
        ("总务处", "总务处", "department"), ("教科室", "教科室", "department"), ("团委", "团委", "department"),
        ("少先队", "少先队", "department"), ("工会", "工会", "department"), ("学生会", "学生会", "department"),
        ("家委会", "家长委员会", "department"), ("家长委员会", "家长委员会", "department"),
        ("年级组", "年级组", "department"), ("教研组", "教研组", "department"), ("备课组", "备课组", "department"),
        ("党支部", "党支部", "department"), ("安全工作领导小组", "领导小组", "department"),
        ("教代会", "教代会", "body"), ("教职工代表大会", "教代会", "body"),
        ("校长", "校长", "position"), ("副校长", "副校长", "position"), ("书记", "书记", "position"),
        ("教导主任", "教导主任", "position"), ("班主任", "班主任", "position"), ("科任教师", "科任教师", "position"),
        ("心理健康教师", "心理教师", "position"), ("安全员", "安全员", "position"), ("校医", "校医", "position"),
        ("值周领导", "值周领导", "position"), ("年级组长", "年级组长", "position"),
        ("教研组长", "教研组长", "position"), ("辅导员", "辅导员", "position"),
    ],
)
def test_departments_bodies_and_positions_have_canonical_names_and_kinds(text: str, canonical: str,
                                                                         kind: str) -> None:
    found = roles(f"由{text}负责")
    assert [(c, k) for _, c, k in found] == [(canonical, kind)]


def test_longest_name_wins() -> None:
    assert [t for t, _, _ in roles("年级组长、副校长、校长室、语文教研组")] == ["年级组长", "副校长", "校长室", "教研组"]


@pytest.mark.parametrize(
    "text",
    [
        "全体教师、学生、家长、师生和教职工", "骨干教师、党员教师、后勤人员、班干部", "区教育局、教体局、区委",
        "市教研室下发文件", "县工会组织", "上级团委", "心理咨询室", "少先队员", "学习《工会法》",
        "让学生会唱国歌", "学校长远发展", "高年级组织", "科学组建团队", "办公室内添置电脑",
    ],
)
def test_generic_outside_and_look_alike_words_are_not_roles(text: str) -> None:
    assert roles(text) == []


def test_traditional_spaced_and_garbled_names_are_found_with_their_original_text() -> None:
    assert roles("工會與團 委、教導(dǎo)處") == [
        ("工會", "工会", "department"), ("團 委", "团委", "department"), ("教導(dǎo)處", "教导处", "department")]


def test_user_roles_from_a_text_file_extend_the_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "my_roles.txt"
    path.write_text("# 我校自设的机构\n电教组 department\n图书管理员\n家长护学岗 body 护学岗\n", encoding="utf-8")
    lex = load_roles(path)
    found = roles("电教组、图书管理员和家长护学岗配合教务处", lex)
    assert found == [("电教组", "电教组", "department"), ("图书管理员", "图书管理员", "position"),
                     ("家长护学岗", "护学岗", "body"), ("教务处", "教务处", "department")]
    assert roles("电教组") == []  # the built-in lexicon is unchanged


def test_user_roles_from_toml_and_from_lines(tmp_path: Path) -> None:
    path = tmp_path / "roles.toml"
    path.write_text('[[role]]\ncanonical = "资源中心"\nkind = "department"\naliases = ["资源室"]\n', encoding="utf-8")
    assert roles("资源室", resolve_roles(path)) == [("资源室", "资源中心", "department")]
    assert roles("由电教组负责", resolve_roles(["电教组 department"])) == [("电教组", "电教组", "department")]


def test_extract_document_takes_a_role_file(tmp_path: Path) -> None:
    path = tmp_path / "my_roles.txt"
    path.write_text("电教组 department\n", encoding="utf-8")
    doc = planparse.parse("一、信息化\n由电教组负责网络维护。\n", classify=False, extract=False)
    extract_document(doc, roles=path)
    assert [(r.text, r.section_id) for r in doc.plans[0].roles] == [("电教组", "1")]
    assert [(r.role.text, r.text) for r in doc.plans[0].responsibilities] == [("电教组", "网络维护")]


@pytest.mark.parametrize(
    ("content", "suffix"),
    [("电教组 kindx\n", ".txt"), ("[[role]\nkind=", ".toml"), ('[[role]]\ncanonical = "x"\nkind = "room"\n', ".toml")],
)
def test_bad_role_files_raise_a_clear_error(tmp_path: Path, content: str, suffix: str) -> None:
    path = tmp_path / f"roles{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlanparseError):
        resolve_roles(path)


def test_missing_role_file_raises_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PlanparseError, match="cannot read"):
        resolve_roles(tmp_path / "nope.txt")


def test_roles_of_a_real_schedule() -> None:
    # corpora/devset/d049: the 责任处室 column names 办公室, 教科室, 教育处, 教务处, 团委, 督导室 ….
    doc = planparse.load(CORPORA / "devset" / "d049.txt", classify=False)
    canon = {r.canonical for p in doc.plans for r in p.roles}
    assert {"办公室", "教科室", "教育处", "教务处", "团委", "督导室", "工会"} <= canon
    assert "麓山国际初中备课组" not in {r.text for p in doc.plans for r in p.roles}
