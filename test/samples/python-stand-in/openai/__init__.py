"""A STAND-IN for the `openai` Python package, used only by `npm run check:samples`.

The real SDK cannot be installed on the machines that run the check (only the npm registry
and Debian's packages are reachable). This module has the small part of its interface the
snippets use, and sends the same HTTP requests the real SDK sends for those calls:

- `OpenAI(api_key=..., base_url=...)`: requests go to base_url + "/" + the operation's path,
  with `Authorization: Bearer <api_key>` and a JSON body of the arguments given;
- `client.chat.completions.create`, `client.completions.create`, `client.images.generate`,
  `client.embeddings.create`; like the real SDK, `embeddings.create` asks for
  `encoding_format: "base64"` when the caller does not choose one, and then decodes it;
- an answer other than 2xx raises `APIStatusError` (an `OpenAIError`) whose text is the real
  SDK's: "Error code: 400 - {'error': {...}}".

Answers come back as objects with attribute access, as the real SDK's models have.
"""
import array
import base64
import json
import urllib.error
import urllib.request

__all__ = ["OpenAI", "OpenAIError", "APIStatusError", "APIConnectionError"]

STAND_IN = True


class OpenAIError(Exception):
    pass


class APIConnectionError(OpenAIError):
    pass


class APIStatusError(OpenAIError):
    def __init__(self, status_code, body):
        self.status_code = status_code
        self.body = body
        super().__init__(f"Error code: {status_code} - {body}")


class _Object:
    """An answer's JSON object, read by attribute as the SDK's models are."""

    def __init__(self, fields):
        for key, value in fields.items():
            setattr(self, key, _wrap(value))

    def __repr__(self):
        return f"{type(self).__name__}({vars(self)!r})"


def _wrap(value):
    if isinstance(value, dict):
        return _Object(value)
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value


class OpenAI:
    def __init__(self, api_key=None, base_url=None, **_options):
        if not api_key:
            raise OpenAIError("The api_key client option must be set")
        self.api_key = api_key
        self.base_url = (base_url or "https://api.openai.com/v1").rstrip("/") + "/"
        self.chat = _Namespace(completions=_Resource(self, "chat/completions"))
        self.completions = _Resource(self, "completions")
        self.images = _Namespace(generate=_Resource(self, "images/generations").create)
        self.embeddings = _Embeddings(self, "embeddings")

    def _post(self, path, body):
        request = urllib.request.Request(
            self.base_url + path,
            data=json.dumps(body).encode("utf-8"),
            method="POST",
            headers={"Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = text
            raise APIStatusError(error.code, parsed) from None
        except urllib.error.URLError as error:
            raise APIConnectionError(f"Connection error: {error.reason}") from None


class _Namespace:
    def __init__(self, **members):
        self.__dict__.update(members)


class _Resource:
    def __init__(self, client, path):
        self._client = client
        self._path = path

    def create(self, **params):
        return _wrap(self._client._post(self._path, params))


class _Embeddings(_Resource):
    def create(self, **params):
        chosen = "encoding_format" in params
        if not chosen:
            params["encoding_format"] = "base64"
        answer = self._client._post(self._path, params)
        if not chosen:
            # As the real SDK does: a base64 answer becomes floats; other answers are left alone.
            for item in answer.get("data", []):
                if isinstance(item.get("embedding"), str):
                    item["embedding"] = array.array("f", base64.b64decode(item["embedding"])).tolist()
        return _wrap(answer)
