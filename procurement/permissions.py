"""Who may see and do what with visual orders: one place, used by every view.

- Topic owners see, edit and generate documents for their own orders, and upload deliveries.
- Web managers see and edit every order.
- Procurement staff see every order, generate and download its documents; they do not edit
  orders or upload deliveries.
Anything a user may not see is answered as if it did not exist (404), like the library.
"""

from __future__ import annotations

from django.db.models import QuerySet

from brandkit.roles import PROCUREMENT, TOPIC_OWNER, WEB_MANAGER, user_roles
from procurement.models import VisualOrder


def visible_orders(user) -> QuerySet[VisualOrder]:
    roles = user_roles(user)
    orders = VisualOrder.objects.all()
    if roles & {WEB_MANAGER, PROCUREMENT}:
        return orders
    if TOPIC_OWNER in roles:
        return orders.filter(owner=user)
    return orders.none()


def sees_all(user) -> bool:
    return bool(user_roles(user) & {WEB_MANAGER, PROCUREMENT})


def can_use(user) -> bool:
    return bool(user_roles(user) & {TOPIC_OWNER, WEB_MANAGER, PROCUREMENT})


def can_create(user) -> bool:
    return bool(user_roles(user) & {TOPIC_OWNER, WEB_MANAGER})


def can_edit(user, order: VisualOrder) -> bool:
    roles = user_roles(user)
    return WEB_MANAGER in roles or (TOPIC_OWNER in roles and order.owner_id == user.pk)


def can_generate(user, order: VisualOrder) -> bool:
    """Everyone who may see the order may have its documents made."""
    roles = user_roles(user)
    if roles & {WEB_MANAGER, PROCUREMENT}:
        return True
    return TOPIC_OWNER in roles and order.owner_id == user.pk


def can_deliver(user, order: VisualOrder) -> bool:
    return can_edit(user, order)
