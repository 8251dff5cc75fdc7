from feedback.models.calendar import FeedbackSettings, Holiday
from feedback.models.pages import FeedbackPage, QuestionIndexPage, QuestionPage
from feedback.models.submissions import Attachment, CodeSequence, Event, Submission, next_code

__all__ = [
    "Attachment",
    "CodeSequence",
    "Event",
    "FeedbackPage",
    "FeedbackSettings",
    "Holiday",
    "QuestionIndexPage",
    "QuestionPage",
    "Submission",
    "next_code",
]
