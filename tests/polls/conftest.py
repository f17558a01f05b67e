import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def latvian_urls():
    """reverse() builds Latvian addresses, whatever language an earlier request left active."""
    with translation.override("lv"):
        yield
