// Personal-data encryption is shared with the second factor's secrets; it lives in core.
export * from '../../core/pii';
