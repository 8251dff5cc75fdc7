from wagtail import hooks

from procedures import demo


@hooks.register("register_demo_content")
def load_demo_agencies(home, stdout):
    _, count = demo.load_agencies(home)
    return f"Cơ quan: {count}"
