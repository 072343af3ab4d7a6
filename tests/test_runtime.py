import gc
import weakref

from empathy.runtime import set_aside_imports


class Node:
    other = None


def _unreachable_cycle() -> weakref.ref:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_what_is_alive_is_set_aside_and_garbage_is_collected_first():
    gc.disable()  # no collection of its own between the lines below
    try:
        garbage = _unreachable_cycle()  # only the collector frees a cycle
        kept = Node()
        assert garbage() is not None and any(found is kept for found in gc.get_objects())
        set_aside_imports()
        assert garbage() is None  # collected, not set aside for ever
        assert gc.get_freeze_count() > 0 and not any(found is kept for found in gc.get_objects())
        after = Node()
        assert any(found is after for found in gc.get_objects())  # what comes later is collected as before
    finally:
        gc.unfreeze()
        gc.enable()
