# --8<-- [start:form]
from django import forms


class ContactForm(forms.Form):
    name = forms.CharField(max_length=100)  # fields are required unless required=False
    message = forms.CharField(widget=forms.Textarea, max_length=500)


# --8<-- [end:form]
