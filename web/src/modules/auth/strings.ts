/** Strings of sign-in, registration and passwords: Chinese (the default language) first, then English with the same keys. */
const zhCN = {
  auth: {
    login: '登录',
    loginTitle: '用户登录',
    username: '用户名',
    usernamePlaceholder: '用户名或统一社会信用代码',
    password: '密码',
    confirmPassword: '确认密码',
    passwordMismatch: '两次输入的密码不一致',
    register: '企业注册',
    registerTitle: '企业用户注册',
    registerSubmit: '注册',
    registered: '注册成功',
    registeredHint: '您的登录名为下面的统一社会信用代码，请使用注册时设置的密码登录。',
    goLogin: '前往登录',
    noAccount: '还没有账号？',
    haveAccount: '已有账号？',
    changePasswordTitle: '修改密码',
    mustChangeHint: '首次登录或密码已被重置，请先修改密码后再使用系统。',
    oldPassword: '原密码',
    newPassword: '新密码',
    passwordChanged: '密码修改成功',
    passwordRule: '至少 8 位，包含大写字母、小写字母、数字、符号中的三类',
  },
};

/** The type makes a key missing in English an error. */
const en: typeof zhCN = {
  auth: {
    login: 'Sign in',
    loginTitle: 'Sign in',
    username: 'User name',
    usernamePlaceholder: 'User name or credit code',
    password: 'Password',
    confirmPassword: 'Confirm password',
    passwordMismatch: 'The passwords do not match',
    register: 'Enterprise registration',
    registerTitle: 'Register an enterprise',
    registerSubmit: 'Register',
    registered: 'Registered',
    registeredHint: 'Your login name is the credit code below; sign in with the password you chose.',
    goLogin: 'Go to sign in',
    noAccount: 'No account yet?',
    haveAccount: 'Already registered?',
    changePasswordTitle: 'Change password',
    mustChangeHint: 'Please change your initial password before using the system.',
    oldPassword: 'Current password',
    newPassword: 'New password',
    passwordChanged: 'Password changed',
    passwordRule: 'At least 8 characters from three of: upper case, lower case, digits, symbols',
  },
};

export const authStrings = { zhCN, en };
