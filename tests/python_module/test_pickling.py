"""Cases pickle through their compact canonical JSON: the same case back, a trial's own
adaptation kept, and a state of a few bytes per field rather than a tree of Python objects."""

from __future__ import annotations

import copy
import pickle

import iptkit


def test_a_cohort_round_trips() -> None:
    cases = iptkit.synthesize(300, seed=4)
    back = pickle.loads(pickle.dumps(cases))
    assert back == cases
    assert [c.to_json() for c in back] == [c.to_json() for c in cases]
    assert copy.deepcopy(cases[5]) == cases[5]


def test_the_state_is_the_compact_canonical_json() -> None:
    case = iptkit.synthesize(1, seed=4)[0]
    form, text, adaptation = case.__getstate__()
    assert form == 2 and adaptation is None
    assert text == case.to_json(pretty=False).encode("utf-8")
    # Smaller than the member-by-member state of earlier versions, which held every nested object.
    assert len(pickle.dumps(case)) < 1.2 * len(text)


def test_a_trials_own_adaptation_is_kept() -> None:
    case = iptkit.synthesize(1, seed=4)[0]
    case.adaptation = "trial_ipt_manual"  # not in the built-in catalog: the case is not well formed there
    assert case.check(), "the built-in catalog does not know this adaptation"
    form, _, adaptation = case.__getstate__()
    assert form == 2 and adaptation == "trial_ipt_manual"
    back = pickle.loads(pickle.dumps(case))
    assert back == case and back.adaptation == "trial_ipt_manual"


def test_edits_survive() -> None:
    case = iptkit.synthesize(1, seed=4)[0]
    case.site = "site-q"
    case.arm = None
    sessions = case.sessions
    sessions[0].minutes = 35
    case.sessions = sessions
    back = pickle.loads(pickle.dumps(case, protocol=0))
    assert back.site == "site-q" and back.arm is None and back.sessions[0].minutes == 35
    assert back == case


def _cohort() -> iptkit.CaseList:
    cases = iptkit.CaseList(iptkit.synthesize(600, seed=9))
    cases[3].adaptation = "trial_ipt_manual"  # a trial's own adaptation, in two chunks
    cases[300].adaptation = "trial_ipt_other"
    cases.errors = [iptkit.InputError(index=600, line=601, errors=[], case_id="x-1", source="in.jsonl")]
    return cases


def test_a_case_list_pickles_in_chunks_of_compact_json() -> None:
    cases = _cohort()
    rebuild, args, state, items = cases.__reduce_ex__(5)
    assert rebuild is iptkit._CaseListLoader and args == () and state["errors"] == cases.errors
    chunks = list(items)
    assert [type(c) for c in chunks] == [iptkit._CaseChunk] * 3  # 256 cases each, at most
    assert [c.adaptations for c in chunks] == [[(3, "trial_ipt_manual")], [(44, "trial_ipt_other")], []]
    lines = [line for c in chunks for line in bytes(c.blob).split(b"\n")[:-1]]
    assert len(lines) == len(cases)
    for i, case in enumerate(cases):
        if i not in (3, 300):  # those travel with a built-in adaptation, their own beside the text
            assert lines[i] == case.to_json(pretty=False).encode("utf-8")
    # About the JSON's size: no state object per case.
    json_size = sum(len(c.blob) + sum(len(a) for _, a in c.adaptations) for c in chunks)
    assert len(pickle.dumps(cases, protocol=pickle.HIGHEST_PROTOCOL)) < json_size + 2000


def test_a_chunk_is_emptied_once_read() -> None:
    cases = iptkit.CaseList(iptkit.synthesize(3, seed=2))
    chunk = next(iter(cases.__reduce_ex__(5)[3]))
    loader = iptkit._CaseListLoader()
    loader.extend([chunk])
    assert chunk.blob == bytearray() and list(loader) == list(cases)


def test_a_case_list_comes_back_whole_under_every_protocol() -> None:
    cases = _cohort()
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(cases, protocol=protocol))
        assert type(back) is iptkit.CaseList
        assert back == cases, protocol
        assert [c.case_id for c in back] == [c.case_id for c in cases]
        assert back[3].adaptation == "trial_ipt_manual" and back[300].adaptation == "trial_ipt_other"
        assert back.errors == cases.errors
    deep, shallow = copy.deepcopy(cases), copy.copy(cases)
    assert type(deep) is type(shallow) is iptkit.CaseList and deep == shallow == cases
    assert deep[0] is not cases[0] and shallow[0] is cases[0] and deep.errors == shallow.errors == cases.errors


def test_a_case_list_holding_something_else_pickles_item_by_item() -> None:
    cases = _cohort()
    cases.insert(400, "not a case")  # type: ignore[arg-type]
    rebuilt = list(cases.__reduce_ex__(5)[3])
    # The chunk holding it goes item by item; the others stay chunks.
    assert len(rebuilt) == 1 + 256 + 1 and rebuilt[1] is cases[256] and rebuilt[145] == "not a case"
    assert type(rebuilt[0]) is type(rebuilt[-1]) is iptkit._CaseChunk
    back = pickle.loads(pickle.dumps(cases))
    assert back == cases and back[400] == "not a case"
    empty = iptkit.CaseList()
    back = pickle.loads(pickle.dumps(empty))
    assert type(back) is iptkit.CaseList and back == [] and back.errors == []
