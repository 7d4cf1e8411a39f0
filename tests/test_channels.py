"""Raw sources -> channels."""
import pytest

from analysis.normalize.channels import channel_of


@pytest.mark.parametrize(
    ("source", "channel"),
    [
        ("Linkedin", "LinkedIn"),
        ("LinkedIn Easy Apply", "LinkedIn"),
        ("ZipRecruiter", "Job board"),
        ("Indeed", "Job board"),
        ("USAJOBS", "Job board"),
        ("Company Site", "Company site"),
        ("Greenhouse", "Company site"),
        ("Direct email", "Company site"),
        ("Recruiter (Hays)", "Recruiter"),
        ("Agency recruiter", "Recruiter"),
        ("Referral - Priya", "Referral"),
        ("", "Other"),
        ("Met at a meetup", "Other"),
    ],
)
def test_channel_of(source, channel):
    assert channel_of(source) == channel
