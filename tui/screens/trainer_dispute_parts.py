"""Text of the trainer panel's after-shipping sections: each open dispute with who acts by
when and the platform's rule as advice, each extension request, each order to ship or to
deliver; and the buttons each dispute allows. No behaviour: `trainer_disputes` acts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import ListItem, Static

from tui.domain.dispute_due import PlatformAction, SellerAction
from tui.domain.models import Order
from tui.i18n import Translator
from tui.service import OrderService
from tui.service_dispute_results import TrainerDispute
from tui.text import inert

DISPUTE_BUTTONS: dict[str, tuple[str, SellerAction | PlatformAction]] = {
    "seller-accept": ("seller_action.accept", SellerAction.ACCEPT),
    "seller-reject": ("seller_action.reject", SellerAction.REJECT),
    "confirm-return": ("seller_action.confirm_return", SellerAction.CONFIRM_RETURN),
    "decide-buyer": ("platform_action.for_buyer", PlatformAction.FOR_BUYER),
    "decide-partly": ("platform_action.for_buyer_partly", PlatformAction.FOR_BUYER_PARTLY),
    "decide-seller": ("platform_action.for_seller", PlatformAction.FOR_SELLER),
}
"""The dispute section's buttons: id → (label key, the seller's or platform's action)."""


class OrderItem(ListItem):
    """An order in one of the panel's after-shipping lists: a bold first line, then detail
    lines; ``kind`` keeps ids apart when one order is in two lists."""

    def __init__(self, kind: str, order_id: str, texts: list[str]) -> None:
        super().__init__(id=f"{kind}-{order_id}", classes="order-item")
        self.order_id = order_id
        self.texts = texts

    def compose(self) -> ComposeResult:
        for index, text in enumerate(self.texts):
            yield Static(Content(inert(text)), classes="what" if index == 0 else "why")


def allowed_buttons(found: TrainerDispute) -> list[str]:
    """The ids of the buttons this dispute allows now (the others are hidden)."""
    view = found.view
    allowed = {*view.seller_actions, *view.platform_actions}
    return [key for key, (_, action) in DISPUTE_BUTTONS.items() if action in allowed]


def order_line(t: Translator, service: OrderService, order: Order) -> str:
    store = service.store_of(order).name
    return t("trainer_disputes.order_line", order=order.id, store=store, amount=t.money(order.paid))


def dispute_texts(t: Translator, service: OrderService, found: TrainerDispute) -> list[str]:
    """Order, store, paid; the state and who acts by when; what was asked (and offered);
    the platform's rule on what is on record; the buyer's record."""
    view, advice = found.view, found.advice
    dispute = view.dispute
    texts = [order_line(t, service, view.order), t(dispute.state.label_key)]
    if view.party is not None and view.deadline is not None and view.left is not None:
        acts = t(
            "trainer_dispute.acts",
            party=t(f"trainer_party.{view.party.value}"),
            date=t.datetime(view.deadline),
        )
        texts.append(f"{acts} · {t.duration(view.left)}")
    texts.append(
        t(
            "trainer_disputes.asked",
            ground=t(dispute.ground.label_key),
            request=t(dispute.request_type.label_key),
            amount=t.money(dispute.amount),
        )
    )
    if dispute.counter is not None:
        texts.append(t("trainer_disputes.offer_line", amount=t.money(dispute.counter.amount)))
    key = "trainer_dispute.advice_tie" if advice.tie else "trainer_dispute.advice"
    decision = t(advice.decision.label_key)
    texts.append(t(key, decision=decision, buyer=advice.buyer_points, seller=advice.seller_points))
    texts.append(t("trainer_dispute.record", standing=t(dispute.buyer_standing.label_key)))
    return texts


def extension_texts(t: Translator, service: OrderService, order: Order) -> list[str]:
    texts = [order_line(t, service, order)]
    lapses = service.extension_answer_by(order.id)
    if order.extension is not None and lapses is not None:
        asked = t.datetime(order.extension.requested_at)
        texts.append(t("trainer_disputes.extension_line", date=asked, lapses=t.datetime(lapses)))
    return texts


def shipping_texts(t: Translator, service: OrderService, order: Order) -> list[str]:
    """An order to ship or to deliver: order, store, paid; its first item."""
    return [order_line(t, service, order), order.items[0].title]
